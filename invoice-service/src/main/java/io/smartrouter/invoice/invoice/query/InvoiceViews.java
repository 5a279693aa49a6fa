package io.smartrouter.invoice.invoice.query;

import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceFulfillmentUpdatedEvent;
import io.smartrouter.schemas.invoice.InvoiceShipping;
import java.util.ArrayList;
import java.util.List;

/** Folds invoice events into {@link InvoiceView}s. Pure functions, tested without Spring. */
public final class InvoiceViews {

    static final String PENDING = "pending";

    private InvoiceViews() {
    }

    public static InvoiceView created(InvoiceCreatedEvent event) {
        InvoiceShipping shipping = event.getShipping();
        return new InvoiceView(event.getInvoiceId(), event.getProjectId(), event.getName(), event.getAmount(),
                event.getCurrency(), event.getCreatedAt(), event.getReferenceId(),
                event.getDetails().stream().map(item -> new InvoiceView.LineItemView(item.getName(),
                        item.getUnitAmount(), item.getQuantity(), item.getType(), item.getReference(),
                        item.getCategory())).toList(),
                shipping == null ? null : new InvoiceView.ShippingView(shipping.getAmount(), shipping.getMethod(),
                        shipping.getProvider(), shipping.getFirstName(), shipping.getLastName(), shipping.getAddress1(),
                        shipping.getAddress2(), shipping.getCity(), shipping.getState(), shipping.getZip(),
                        shipping.getCountryCode(), shipping.getPhoneNumber(), shipping.getEmail()),
                event.getTax() == null ? null
                        : new InvoiceView.TaxView(event.getTax().getAmount(), event.getTax().getRate()),
                event.getMetadata(), event.getInitiationType(), event.getAutoCaptureAt(), event.getReturnUrl(),
                event.getWebhookUrl(), event.getCustomerId(),
                new InvoiceView.FulfillmentView(PENDING, null, null, null, event.getCreatedAt(), List.of()));
    }

    static InvoiceView fulfillmentUpdated(InvoiceView invoice, InvoiceFulfillmentUpdatedEvent event) {
        List<InvoiceView.FulfillmentChangeView> history = new ArrayList<>(invoice.fulfillment().history());
        history.add(new InvoiceView.FulfillmentChangeView(event.getPreviousStatus(), event.getStatus(),
                event.getCarrier(), event.getTrackingNumber(), event.getNote(), event.getUpdatedAt()));
        // A carrier or tracking number, once given, stays until an update gives another.
        InvoiceView.FulfillmentView current = invoice.fulfillment();
        return invoice.withFulfillment(new InvoiceView.FulfillmentView(event.getStatus(),
                event.getCarrier() != null ? event.getCarrier() : current.carrier(),
                event.getTrackingNumber() != null ? event.getTrackingNumber() : current.trackingNumber(),
                event.getNote(), event.getUpdatedAt(), history));
    }
}
