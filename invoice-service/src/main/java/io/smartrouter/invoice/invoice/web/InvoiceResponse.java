package io.smartrouter.invoice.invoice.web;

import io.smartrouter.invoice.invoice.query.InvoiceView;
import io.smartrouter.invoice.invoice.query.InvoiceWithTransaction;
import io.smartrouter.invoice.transaction.query.TransactionSummary;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The invoice as the API shows it: amounts as decimal strings in the currency's major unit. {@code transaction} is
 * {@code null} until a payment of the invoice is requested.
 */
record InvoiceResponse(String id, String projectId, String name, String amount, String currency, String referenceId,
        List<LineItem> details, Shipping shipping, Tax tax, Map<String, String> metadata, String initiationType,
        Instant autoCaptureAt, String returnUrl, String webhookUrl, String customerId, Transaction transaction,
        Fulfillment fulfillment, boolean sandbox, Instant createdAt) {

    static InvoiceResponse of(InvoiceWithTransaction answer) {
        InvoiceView invoice = answer.invoice();
        String currency = invoice.currency();
        var shipping = invoice.shipping();
        var fulfillment = invoice.fulfillment();
        return new InvoiceResponse(invoice.invoiceId(), invoice.projectId(), invoice.name(),
                decimal(invoice.amountMinor(), currency), currency, invoice.referenceId(),
                invoice.details().stream().map(item -> new LineItem(item.name(),
                        decimal(item.unitAmountMinor(), currency), item.quantity(), item.type(), item.reference(),
                        item.category())).toList(),
                shipping == null ? null : new Shipping(decimal(shipping.amountMinor(), currency), shipping.method(),
                        shipping.provider(), shipping.firstName(), shipping.lastName(), shipping.address1(),
                        shipping.address2(), shipping.city(), shipping.state(), shipping.zip(), shipping.countryCode(),
                        shipping.phoneNumber(), shipping.email()),
                invoice.tax() == null ? null : new Tax(decimal(invoice.tax().amountMinor(), currency), invoice.tax().rate()),
                invoice.metadata(), invoice.initiationType(), invoice.autoCaptureAt(), invoice.returnUrl(),
                invoice.webhookUrl(), invoice.customerId(), Transaction.of(answer.transaction()),
                new Fulfillment(fulfillment.status(), fulfillment.carrier(), fulfillment.trackingNumber(),
                        fulfillment.note(), fulfillment.updatedAt(), fulfillment.history().stream()
                        .map(change -> new FulfillmentChange(change.previousStatus(), change.status(), change.carrier(),
                                change.trackingNumber(), change.note(), change.updatedAt())).toList()),
                new ProjectId(invoice.projectId()).sandbox(), invoice.createdAt());
    }

    private static String decimal(long minorUnits, String currency) {
        return Money.ofMinor(minorUnits, currency).toDecimalString();
    }

    /** The summary of the invoice's transaction; its amounts are in the transaction's currency. */
    record Transaction(String id, String status, String amount, String currency, String authorizedAmount,
            String capturedAmount, String refundedAmount, String errorCode, Instant updatedAt) {

        static Transaction of(TransactionSummary summary) {
            if (summary == null) {
                return null;
            }
            String currency = summary.currency();
            return new Transaction(summary.transactionId(), summary.status().wire(),
                    decimal(summary.amountMinor(), currency), currency, decimal(summary.authorizedAmountMinor(), currency),
                    decimal(summary.capturedAmountMinor(), currency), decimal(summary.refundedAmountMinor(), currency),
                    summary.errorCode(), summary.updatedAt());
        }
    }

    record LineItem(String name, String amount, int quantity, String type, String reference, String category) {
    }

    record Shipping(String amount, String method, String provider, String firstName, String lastName, String address1,
            String address2, String city, String state, String zip, String countryCode, String phoneNumber,
            String email) {
    }

    record Tax(String amount, String rate) {
    }

    record Fulfillment(String status, String carrier, String trackingNumber, String note, Instant updatedAt,
            List<FulfillmentChange> history) {
    }

    record FulfillmentChange(String previousStatus, String status, String carrier, String trackingNumber, String note,
            Instant updatedAt) {
    }
}
