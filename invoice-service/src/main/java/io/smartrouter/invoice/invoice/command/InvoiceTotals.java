package io.smartrouter.invoice.invoice.command;

import io.smartrouter.invoice.invoice.api.CreateInvoiceCommand;
import io.smartrouter.invoice.invoice.api.LineItem;
import io.smartrouter.platform.money.Money;

/** Σ line items (unit amount × quantity) + shipping + tax, in the invoice's currency. */
final class InvoiceTotals {

    private InvoiceTotals() {
    }

    static Money itemised(CreateInvoiceCommand command) {
        Money total = Money.ofMinor(0, command.amount().currencyCode());
        try {
            for (LineItem item : command.details()) {
                total = total.plus(item.total());
            }
            if (command.shipping() != null) {
                total = total.plus(command.shipping().amount());
            }
            if (command.tax() != null) {
                total = total.plus(command.tax().amount());
            }
        } catch (ArithmeticException | IllegalArgumentException tooLarge) {
            return Money.ofMinor(Money.MAX_MINOR_UNITS, command.amount().currencyCode());
        }
        return total;
    }
}
