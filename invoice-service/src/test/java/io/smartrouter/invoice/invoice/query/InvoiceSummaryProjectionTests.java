package io.smartrouter.invoice.invoice.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceCustomerAssignedEvent;
import io.smartrouter.schemas.invoice.InvoiceFulfillmentUpdatedEvent;
import io.smartrouter.schemas.invoice.InvoiceLineItem;
import io.smartrouter.schemas.invoice.InvoiceShipping;
import io.smartrouter.schemas.invoice.InvoiceTax;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceSummaryProjectionTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final InMemoryInvoices invoices = new InMemoryInvoices();
    private final InvoiceSummaryProjection projection = new InvoiceSummaryProjection(invoices);

    @Test
    void recordsACreatedInvoiceWithItsProject() {
        projection.on(InvoiceCreatedEvent.newBuilder().setInvoiceId("iv_1").setProjectId("test-proj_demo")
                .setName("Order").setAmount(1234).setCurrency("EUR").setCreatedAt(NOW)
                .setDetails(List.of(InvoiceLineItem.newBuilder().setName("Book").setUnitAmount(1000).setQuantity(1)
                        .build()))
                .setShipping(InvoiceShipping.newBuilder().setAmount(134).setCountryCode("FR").build())
                .setTax(InvoiceTax.newBuilder().setAmount(100).setRate("5.5").build())
                .setMetadata(Map.of("k", "v"))
                .build());

        InvoiceView invoice = read("iv_1");
        assertThat(invoice.projectId()).isEqualTo("test-proj_demo");
        assertThat(invoice.amountMinor()).isEqualTo(1234);
        assertThat(invoice.details()).containsExactly(new InvoiceView.LineItemView("Book", 1000, 1, null, null, null));
        assertThat(invoice.shipping().countryCode()).isEqualTo("FR");
        assertThat(invoice.tax()).isEqualTo(new InvoiceView.TaxView(100, "5.5"));
        assertThat(invoice.metadata()).containsEntry("k", "v");
        assertThat(invoice.initiationType()).isEqualTo("cit");
        assertThat(invoice.fulfillment().status()).isEqualTo("pending");
        assertThat(invoices.findById("iv_2")).isEmpty();
    }

    @Test
    void keepsTheFulfillmentHistory() {
        projection.on(InvoiceCreatedEvent.newBuilder().setInvoiceId("iv_1").setProjectId("test-proj_demo")
                .setName("Order").setAmount(1000).setCurrency("USD").setCreatedAt(NOW).build());
        projection.on(fulfillment("pending", "processing", null, NOW.plusSeconds(60)));
        projection.on(fulfillment("processing", "shipped", "JD0001", NOW.plusSeconds(120)));
        projection.on(InvoiceFulfillmentUpdatedEvent.newBuilder().setInvoiceId("iv_1").setProjectId("test-proj_demo")
                .setPreviousStatus("shipped").setStatus("delivered").setNote("signed").setUpdatedAt(NOW.plusSeconds(180))
                .build());

        var fulfillment = read("iv_1").fulfillment();
        assertThat(fulfillment.status()).isEqualTo("delivered");
        assertThat(fulfillment.carrier()).isEqualTo("DHL");
        assertThat(fulfillment.trackingNumber()).isEqualTo("JD0001");
        assertThat(fulfillment.note()).isEqualTo("signed");
        assertThat(fulfillment.updatedAt()).isEqualTo(NOW.plusSeconds(180));
        assertThat(fulfillment.history()).extracting(InvoiceView.FulfillmentChangeView::status)
                .containsExactly("processing", "shipped", "delivered");
    }

    @Test
    void showsTheCustomerGivenAtCreationThenTheOneAssigned() {
        projection.on(InvoiceCreatedEvent.newBuilder().setInvoiceId("iv_1").setProjectId("test-proj_demo")
                .setName("Order").setAmount(1000).setCurrency("USD").setCreatedAt(NOW).setCustomerId("cust_1").build());
        assertThat(read("iv_1").customerId()).isEqualTo("cust_1");

        projection.on(InvoiceCustomerAssignedEvent.newBuilder().setInvoiceId("iv_1").setProjectId("test-proj_demo")
                .setCustomerId("cust_2").setPreviousCustomerId("cust_1").setAssignedAt(NOW.plusSeconds(5)).build());

        InvoiceView invoice = read("iv_1");
        assertThat(invoice.customerId()).isEqualTo("cust_2");
        assertThat(invoice.fulfillment().status()).isEqualTo("pending");
    }

    /** The stored document, as the invoice queries read it. */
    private InvoiceView read(String invoiceId) {
        return InvoiceSummaryProjection.read(invoices.findById(invoiceId).orElseThrow());
    }

    private static InvoiceFulfillmentUpdatedEvent fulfillment(String from, String to, String tracking, Instant at) {
        return InvoiceFulfillmentUpdatedEvent.newBuilder().setInvoiceId("iv_1").setProjectId("test-proj_demo")
                .setPreviousStatus(from).setStatus(to).setCarrier("DHL").setTrackingNumber(tracking).setUpdatedAt(at)
                .build();
    }

    private static final class InMemoryInvoices implements InvoiceSummaryRepository {
        private final Map<String, InvoiceSummary> rows = new HashMap<>();

        @Override
        public InvoiceSummary save(InvoiceSummary invoice) {
            rows.put(invoice.invoiceId(), invoice);
            return invoice;
        }

        @Override
        public Optional<InvoiceSummary> findById(String invoiceId) {
            return Optional.ofNullable(rows.get(invoiceId));
        }
    }
}
