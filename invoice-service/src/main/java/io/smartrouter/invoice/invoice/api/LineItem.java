package io.smartrouter.invoice.invoice.api;

import io.smartrouter.platform.money.Money;

/** One line of an order: a unit price times a quantity. */
public record LineItem(String name, Money unitAmount, int quantity, String type, String reference, String category) {

    public Money total() {
        return unitAmount.times(quantity);
    }
}
