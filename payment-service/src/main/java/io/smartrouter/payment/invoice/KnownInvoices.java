package io.smartrouter.payment.invoice;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.events.CatchUp;
import io.smartrouter.platform.events.ConsumerProgress;
import io.smartrouter.platform.events.OwnerLookup;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceCustomerAssignedEvent;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The invoices the payment service can charge, kept from the invoices topic ({@code InvoiceListener}), not read from
 * the invoice service. An invoice created a moment ago may not have arrived yet, so a lookup waits briefly for the
 * projection to catch up, then reads the topic to its end for it (after a restart, catching up can take longer than
 * the wait), and only then asks the invoice service whether it exists: its creation may be committed there and not
 * published yet (ADR 0025). Not found is a 404 only when the invoice service says so.
 */
@Component
public class KnownInvoices {

    public static final String TRANSACTION_PREFIX = "tr_";
    /** The consumer group that keeps this projection ({@code InvoiceListener}). */
    public static final String CONSUMER = "payment-service.invoices";

    private static final JsonMapper METADATA = JsonMapper.builder().build();

    private final KnownInvoiceRepository invoices;
    private final TransactionTemplate transactions;
    private final ConsumerProgress progress;
    private final OwnerLookup owner;
    private final Duration catchUp;

    KnownInvoices(KnownInvoiceRepository invoices, PlatformTransactionManager transactionManager,
            ConsumerProgress progress, OwnerLookup owner,
            @Value("${smartrouter.payment.invoice-catch-up:3s}") Duration catchUp) {
        this.invoices = invoices;
        this.transactions = new TransactionTemplate(transactionManager);
        this.progress = progress;
        this.owner = owner;
        this.catchUp = catchUp;
    }

    void on(InvoiceCreatedEvent event) {
        if (invoices.findById(event.getInvoiceId()).isEmpty()) {
            invoices.save(new KnownInvoice(event.getInvoiceId(), event.getProjectId(), event.getAmount(),
                    event.getCurrency(), event.getInitiationType(), event.getCustomerId(), event.getAutoCaptureAt(),
                    event.getMetadata().isEmpty() ? null : METADATA.writeValueAsString(event.getMetadata())));
        }
    }

    void on(InvoiceCustomerAssignedEvent event) {
        invoices.findById(event.getInvoiceId()).ifPresent(invoice -> {
            invoice.assignCustomer(event.getCustomerId());
            invoices.save(invoice);
        });
    }

    /**
     * The project's invoice, waiting up to the catch-up time for one not heard of yet. Then none is a retriable 503
     * while the invoices topic holds something unread for it, or while the invoice service says it exists (created, not
     * yet published) or cannot tell; a 404 only once it says there is no such invoice. Another project's invoice is a
     * 404 at once. Blocking.
     */
    public KnownInvoice get(ProjectId project, String invoiceId) throws InterruptedException {
        Optional<KnownInvoice> known = CatchUp.await(catchUp, () -> invoices.findById(invoiceId));
        if (known.isEmpty()) {
            progress.requireCaughtUp(CONSUMER, Topics.INVOICES, invoiceId, "invoice");
            known = invoices.findById(invoiceId);
        }
        if (known.isEmpty() && InvoiceId.isWellFormed(invoiceId)) {
            owner.requireUnknownToOwner(project, invoiceId, "invoice");
        }
        return known.filter(invoice -> invoice.projectId().equals(project.value()))
                .orElseThrow(() -> ApiException.notFound("invoice", invoiceId));
    }

    /**
     * Runs a request on the transaction under {@code transactionId}: the invoice's transaction, or a new one (an
     * authorization's or a sale's key names it, else a fresh {@code tr_} id) assigned atomically. Answers false, with
     * nothing run, when the invoice has another transaction (a concurrent request assigned its own first: the second
     * waits for the first's row lock). A new id is assigned in the same commit as {@code create}, whose unit of work
     * joins the transaction: one commit for both, and the id is kept only with what was recorded under it, so nothing
     * can have been recorded under it before {@code create} runs. Only a brand-new transaction runs inside this outer
     * transaction: the aggregate cache cannot see an outer rollback (ADR 0014), and a copy of an aggregate nobody else
     * can name is harmless; an existing transaction's {@code request} runs in a unit of work of its own. Blocking.
     */
    public boolean withTransaction(KnownInvoice invoice, String transactionId, Runnable create, Runnable request) {
        if (invoice.transactionId() == null) {
            Boolean created = transactions.execute(status -> {
                if (invoices.assignTransaction(invoice.invoiceId(), transactionId) != 1) {
                    return false;
                }
                create.run();
                return true;
            });
            if (Boolean.TRUE.equals(created)) {
                return true;
            }
        }
        String assigned = invoice.transactionId() != null ? invoice.transactionId()
                : transactions.execute(status -> invoices.findById(invoice.invoiceId()).orElseThrow().transactionId());
        if (!transactionId.equals(assigned)) {
            return false;
        }
        request.run();
        return true;
    }
}
