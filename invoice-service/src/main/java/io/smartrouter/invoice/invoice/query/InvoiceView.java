package io.smartrouter.invoice.invoice.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An invoice as the read model knows it, amounts in minor units: what the read model stores as its document, and
 * what the invoice queries answer next to the invoice's transaction ({@link InvoiceWithTransaction}).
 */
public record InvoiceView(String invoiceId, String projectId, String name, long amountMinor, String currency,
        Instant createdAt, String referenceId, List<LineItemView> details, ShippingView shipping, TaxView tax,
        Map<String, String> metadata, String initiationType, Instant autoCaptureAt, String returnUrl,
        String webhookUrl, String customerId, FulfillmentView fulfillment) {

    public InvoiceView {
        details = details == null ? List.of() : List.copyOf(details);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    InvoiceView withFulfillment(FulfillmentView next) {
        return new InvoiceView(invoiceId, projectId, name, amountMinor, currency, createdAt, referenceId, details,
                shipping, tax, metadata, initiationType, autoCaptureAt, returnUrl, webhookUrl, customerId, next);
    }

    InvoiceView withCustomer(String assigned) {
        return new InvoiceView(invoiceId, projectId, name, amountMinor, currency, createdAt, referenceId, details,
                shipping, tax, metadata, initiationType, autoCaptureAt, returnUrl, webhookUrl, assigned, fulfillment);
    }

    /** One line item. */
    public record LineItemView(String name, long unitAmountMinor, int quantity, String type, String reference,
            String category) {
    }

    /** Shipping cost and destination. */
    public record ShippingView(long amountMinor, String method, String provider, String firstName, String lastName,
            String address1, String address2, String city, String state, String zip, String countryCode,
            String phoneNumber, String email) {
    }

    /** The tax part of the amount. */
    public record TaxView(long amountMinor, String rate) {
    }

    /** The current fulfillment and every change that led to it, oldest first. */
    public record FulfillmentView(String status, String carrier, String trackingNumber, String note, Instant updatedAt,
            List<FulfillmentChangeView> history) {

        public FulfillmentView {
            history = history == null ? List.of() : List.copyOf(history);
        }
    }

    /** One fulfillment change. */
    public record FulfillmentChangeView(String previousStatus, String status, String carrier, String trackingNumber,
            String note, Instant updatedAt) {
    }
}
