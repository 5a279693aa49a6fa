package io.smartrouter.invoice.transaction.query;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Only what {@link InvoiceTransactions} needs, so that tests can stand in a plain implementation. */
interface InvoiceTransactionRepository extends Repository<InvoiceTransaction, String> {

    InvoiceTransaction save(InvoiceTransaction transaction);

    Optional<InvoiceTransaction> findById(String invoiceId);
}
