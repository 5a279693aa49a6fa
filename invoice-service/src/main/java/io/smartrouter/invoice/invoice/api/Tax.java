package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.money.Money;

/** The tax part of an invoice amount; the rate is informative (a decimal percentage such as {@code "20.00"}). */
public record Tax(Money amount, String rate) {
}
