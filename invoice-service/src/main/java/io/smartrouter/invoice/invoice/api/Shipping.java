package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.money.Money;

/** Shipping cost, method and destination of an order. */
public record Shipping(Money amount, String method, String provider, String firstName, String lastName,
        String address1, String address2, String city, String state, String zip, String countryCode,
        String phoneNumber, String email) {
}
