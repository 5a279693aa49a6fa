package io.smartrouter.invoice.invoice.web;

import io.smartrouter.invoice.invoice.api.CreateInvoiceCommand;
import io.smartrouter.invoice.invoice.api.InitiationType;
import io.smartrouter.invoice.invoice.api.LineItem;
import io.smartrouter.invoice.invoice.api.Shipping;
import io.smartrouter.invoice.invoice.api.Tax;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import io.smartrouter.platform.web.Fields;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /invoices} (API.md). Unknown fields are rejected by the platform's JSON settings; this
 * checks every field's format and bounds. The aggregate checks that the totals add up.
 */
record CreateInvoiceRequest(String name, String amount, String currency, String referenceId,
        List<LineItemRequest> details, ShippingRequest shipping, TaxRequest tax, Map<String, String> metadata,
        String initiationType, String autoCaptureAt, String returnUrl, String webhookUrl, String customerId) {

    static final int MAX_LINE_ITEMS = 100;
    static final int MAX_QUANTITY = 1_000_000;
    private static final Pattern RATE = Pattern.compile("\\d{1,3}(\\.\\d{1,4})?");

    CreateInvoiceCommand toCommand(InvoiceId invoiceId, ProjectId projectId, Instant now) {
        String validName = Fields.required(name, "name", Fields.MAX_TEXT);
        if (amount == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'amount' is required");
        }
        if (currency == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'currency' is required");
        }
        Money total = Money.parse(amount, currency);
        if (!total.isPositive()) {
            throw new ApiException(PlatformErrorCode.INVALID_AMOUNT, "Field 'amount' must be greater than zero");
        }
        Instant captureAt = Fields.timestamp(autoCaptureAt, "auto_capture_at");
        if (captureAt != null && !captureAt.isAfter(now)) {
            throw Fields.invalid("auto_capture_at", "must be in the future");
        }
        return new CreateInvoiceCommand(invoiceId, projectId, validName, total,
                Fields.optional(referenceId, "reference_id", Fields.MAX_TEXT),
                lineItems(currency),
                shipping == null ? null : shipping.toShipping(currency),
                tax == null ? null : tax.toTax(currency),
                Fields.metadata(metadata, "metadata"),
                validInitiationType(),
                captureAt,
                Fields.url(returnUrl, "return_url"),
                Fields.url(webhookUrl, "webhook_url"),
                customer(),
                now);
    }

    private List<LineItem> lineItems(String currency) {
        if (details == null) {
            return List.of();
        }
        if (details.size() > MAX_LINE_ITEMS) {
            throw Fields.invalid("details", "has more than " + MAX_LINE_ITEMS + " line items");
        }
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            if (details.get(i) == null) {
                throw Fields.invalid("details[" + i + "]", "must be an object");
            }
            items.add(details.get(i).toLineItem("details[" + i + "]", currency));
        }
        return items;
    }

    /** The customer to create the invoice for, if any; whether it exists is checked by the caller. */
    CustomerId customer() {
        if (customerId == null) {
            return null;
        }
        if (!CustomerId.isWellFormed(customerId)) {
            throw Fields.invalid("customer_id", "must be a customer id (cust_...)");
        }
        return new CustomerId(customerId);
    }

    private InitiationType validInitiationType() {
        if (initiationType == null) {
            return InitiationType.CIT;
        }
        if (!initiationType.equals("cit") && !initiationType.equals("mit")) {
            throw Fields.invalid("initiation_type", "must be cit or mit");
        }
        return InitiationType.fromWire(initiationType);
    }

    /** An amount in the invoice's currency, zero allowed; errors name the field. */
    static Money amountOf(String value, String field, String currency, boolean required) {
        if (value == null) {
            if (required) {
                throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field '" + field + "' is required");
            }
            return Money.ofMinor(0, currency);
        }
        try {
            return Money.parse(value, currency);
        } catch (ApiException e) {
            throw new ApiException(e.code(), "Field '" + field + "': " + e.getMessage());
        }
    }

    /** One line item of the request. */
    record LineItemRequest(String name, String amount, Integer quantity, String type, String reference,
            String category) {

        LineItem toLineItem(String field, String currency) {
            int count = quantity == null ? 1 : quantity;
            if (count < 1 || count > MAX_QUANTITY) {
                throw Fields.invalid(field + ".quantity", "must be between 1 and " + MAX_QUANTITY);
            }
            return new LineItem(Fields.required(name, field + ".name", Fields.MAX_TEXT),
                    amountOf(amount, field + ".amount", currency, true), count,
                    Fields.optional(type, field + ".type", Fields.MAX_TEXT),
                    Fields.optional(reference, field + ".reference", Fields.MAX_TEXT),
                    Fields.optional(category, field + ".category", Fields.MAX_TEXT));
        }
    }

    /** The shipping object of the request. */
    record ShippingRequest(String amount, String method, String provider, String firstName, String lastName,
            String address1, String address2, String city, String state, String zip, String countryCode,
            String phoneNumber, String email) {

        Shipping toShipping(String currency) {
            return new Shipping(amountOf(amount, "shipping.amount", currency, false),
                    Fields.optional(method, "shipping.method", Fields.MAX_TEXT),
                    Fields.optional(provider, "shipping.provider", Fields.MAX_TEXT),
                    Fields.optional(firstName, "shipping.first_name", Fields.MAX_TEXT),
                    Fields.optional(lastName, "shipping.last_name", Fields.MAX_TEXT),
                    Fields.optional(address1, "shipping.address1", Fields.MAX_TEXT),
                    Fields.optional(address2, "shipping.address2", Fields.MAX_TEXT),
                    Fields.optional(city, "shipping.city", Fields.MAX_TEXT),
                    Fields.optional(state, "shipping.state", Fields.MAX_TEXT),
                    Fields.optional(zip, "shipping.zip", Fields.MAX_TEXT),
                    Fields.countryCode(countryCode, "shipping.country_code"),
                    Fields.optional(phoneNumber, "shipping.phone_number", Fields.MAX_TEXT),
                    Fields.email(email, "shipping.email"));
        }
    }

    /** The tax object of the request: an amount and an optional rate in percent. */
    record TaxRequest(String amount, String rate) {

        Tax toTax(String currency) {
            if (rate != null && (!RATE.matcher(rate).matches() || new BigDecimal(rate).compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw Fields.invalid("tax.rate", "must be a percentage between 0 and 100 such as \"20.00\"");
            }
            return new Tax(amountOf(amount, "tax.amount", currency, true), rate);
        }
    }
}
