package io.smartrouter.invoice.invoice.web;

import io.smartrouter.invoice.invoice.query.InvoiceView;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import java.time.Instant;

/** The invoice as the API shows it: amounts as decimal strings in the currency's major unit. */
record InvoiceResponse(String id, String projectId, String name, String amount, String currency, boolean sandbox,
        Instant createdAt) {

    static InvoiceResponse of(InvoiceView invoice) {
        Money amount = Money.ofMinor(invoice.amountMinor(), invoice.currency());
        return new InvoiceResponse(invoice.invoiceId(), invoice.projectId(), invoice.name(), amount.toDecimalString(),
                amount.currencyCode(), new ProjectId(invoice.projectId()).sandbox(), invoice.createdAt());
    }
}
