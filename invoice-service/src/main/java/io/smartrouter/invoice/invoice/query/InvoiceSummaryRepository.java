package io.smartrouter.invoice.invoice.query;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Only what the projection needs, so that tests can stand in a plain implementation. */
interface InvoiceSummaryRepository extends Repository<InvoiceSummary, String> {

    InvoiceSummary save(InvoiceSummary invoice);

    Optional<InvoiceSummary> findById(String invoiceId);
}
