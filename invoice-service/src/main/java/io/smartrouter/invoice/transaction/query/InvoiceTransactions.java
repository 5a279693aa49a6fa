package io.smartrouter.invoice.transaction.query;

import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps each invoice's transaction summary from the payment service's events (see {@code PaymentTransactionListener}),
 * never by asking the payment service. An invoice has one transaction (API.md); should another be requested for it
 * later, the summary follows the newer one, and events of any transaction other than the invoice's current one are
 * ignored, as are events about another project's invoice.
 */
@Component
public class InvoiceTransactions {

    private static final Logger log = LoggerFactory.getLogger(InvoiceTransactions.class);

    private final InvoiceTransactionRepository transactions;

    InvoiceTransactions(InvoiceTransactionRepository transactions) {
        this.transactions = transactions;
    }

    /**
     * Applies one event of {@link TransactionSummaries#FOLDED}; the caller applies each event once.
     * {@code invoiceOfItsProject} is asked only before an invoice's first row is written: the row keeps the project it
     * was checked for, and every later event is compared with that (an invoice's project never changes).
     */
    public void apply(PaymentEvent event, Predicate<PaymentEvent> invoiceOfItsProject) {
        InvoiceTransaction row = transactions.findById(event.invoiceId()).orElse(null);
        if (row != null && !row.projectId().equals(event.projectId())) {
            ignore(event, "the invoice belongs to another project");
            return;
        }
        if (event.payload() instanceof TransactionRequestedEvent requested) {
            if (row == null) {
                if (!invoiceOfItsProject.test(event)) {
                    ignore(event, "the invoice is not one of project " + event.projectId());
                    return;
                }
                transactions.save(new InvoiceTransaction(event.invoiceId(), event.projectId(),
                        TransactionSummaries.requested(requested)));
                return;
            }
            if (!row.transactionId().equals(event.transactionId())) {
                if (requested.getRequestedAt().isAfter(row.requestedAt())) {
                    row.replace(TransactionSummaries.requested(requested));
                    transactions.save(row);
                } else {
                    ignore(event, "the invoice has a newer transaction, " + row.transactionId());
                }
                return;
            }
        }
        if (row == null || !row.transactionId().equals(event.transactionId())) {
            ignore(event, "it is not the invoice's current transaction");
            return;
        }
        row.update(TransactionSummaries.fold(row.summary(), event.payload()));
        transactions.save(row);
    }

    private static void ignore(PaymentEvent event, String why) {
        log.warn("Ignoring {} of transaction {} for invoice {}: {}", event.payload().getSchema().getName(),
                event.transactionId(), event.invoiceId(), why);
    }
}
