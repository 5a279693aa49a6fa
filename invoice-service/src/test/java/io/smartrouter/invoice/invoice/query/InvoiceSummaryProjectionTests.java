package io.smartrouter.invoice.invoice.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.invoice.invoice.api.FindInvoiceQuery;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceSummaryProjectionTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final InMemoryInvoices invoices = new InMemoryInvoices();
    private final InvoiceSummaryProjection projection = new InvoiceSummaryProjection(invoices);

    @Test
    void recordsACreatedInvoiceAndAnswersItToItsProjectOnly() {
        projection.on(InvoiceCreatedEvent.newBuilder().setInvoiceId("iv_1").setProjectId("test-proj_demo")
                .setName("Order").setAmount(1234).setCurrency("EUR").setCreatedAt(NOW).build());

        assertThat(projection.handle(new FindInvoiceQuery(new ProjectId("test-proj_demo"), "iv_1")))
                .contains(new InvoiceView("iv_1", "test-proj_demo", "Order", 1234, "EUR", NOW));
        assertThat(projection.handle(new FindInvoiceQuery(new ProjectId("test-proj_other"), "iv_1"))).isEmpty();
        assertThat(projection.handle(new FindInvoiceQuery(new ProjectId("test-proj_demo"), "iv_2"))).isEmpty();
    }

    private static final class InMemoryInvoices implements InvoiceSummaryRepository {
        private final Map<String, InvoiceSummary> rows = new HashMap<>();

        @Override
        public InvoiceSummary save(InvoiceSummary invoice) {
            rows.put(invoice.toView().invoiceId(), invoice);
            return invoice;
        }

        @Override
        public Optional<InvoiceSummary> findByInvoiceIdAndProjectId(String invoiceId, String projectId) {
            return Optional.ofNullable(rows.get(invoiceId)).filter(row -> row.toView().projectId().equals(projectId));
        }
    }
}
