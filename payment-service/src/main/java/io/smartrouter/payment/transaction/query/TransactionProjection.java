package io.smartrouter.payment.transaction.query;

import io.smartrouter.payment.transaction.api.FindTransactionQuery;
import io.smartrouter.schemas.payment.AuthorizationAttemptFailedEvent;
import io.smartrouter.schemas.payment.CaptureFailedEvent;
import io.smartrouter.schemas.payment.LateAuthorizationApprovedEvent;
import io.smartrouter.schemas.payment.LateAuthorizationVoidedEvent;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import io.smartrouter.schemas.payment.RefundFailedEvent;
import io.smartrouter.schemas.payment.ThreeDSecureCompletedEvent;
import io.smartrouter.schemas.payment.ThreeDSecureRequiredEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizationExpiredEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.payment.TransactionDisputedEvent;
import io.smartrouter.schemas.payment.TransactionFailedEvent;
import io.smartrouter.schemas.payment.TransactionRefundedEvent;
import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import io.smartrouter.schemas.payment.TransactionRoutedEvent;
import io.smartrouter.schemas.payment.TransactionVoidedEvent;
import io.smartrouter.schemas.payment.VoidFailedEvent;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Keeps the transaction read model in the command's transaction (a subscribing processor, see application.yml). */
@Component
@ProcessingGroup(TransactionProjection.PROCESSING_GROUP)
public class TransactionProjection {

    public static final String PROCESSING_GROUP = "transaction-records";

    private final TransactionRecordRepository transactions;
    private final TransactionDocuments documents;

    TransactionProjection(TransactionRecordRepository transactions, TransactionDocuments documents) {
        this.transactions = transactions;
        this.documents = documents;
    }

    @EventHandler
    void on(TransactionRequestedEvent event) {
        var existing = transactions.findById(event.getTransactionId());
        TransactionView view = TransactionViews.requested(existing.map(documents::read).orElse(null), event);
        String document = documents.write(view);
        TransactionRecord row = existing.orElseGet(() -> new TransactionRecord(view, document));
        row.update(document);
        transactions.save(row);
    }

    @EventHandler
    void on(OperationStartedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.started(view, event));
    }

    @EventHandler
    void on(TransactionRoutedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.routed(view, event));
    }

    @EventHandler
    void on(AuthorizationAttemptFailedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.attemptFailed(view, event));
    }

    @EventHandler
    void on(LateAuthorizationApprovedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.lateApproved(view, event));
    }

    @EventHandler
    void on(LateAuthorizationVoidedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.lateVoided(view, event));
    }

    @EventHandler
    void on(TransactionAuthorizedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.authorized(view, event));
    }

    @EventHandler
    void on(TransactionFailedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.failed(view, event));
    }

    @EventHandler
    void on(TransactionCapturedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.captured(view, event));
    }

    @EventHandler
    void on(CaptureFailedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.captureFailed(view, event));
    }

    @EventHandler
    void on(TransactionVoidedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.voided(view, event));
    }

    @EventHandler
    void on(VoidFailedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.voidFailed(view, event));
    }

    @EventHandler
    void on(TransactionAuthorizationExpiredEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.expired(view, event));
    }

    @EventHandler
    void on(ThreeDSecureRequiredEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.threeDSecureRequired(view, event));
    }

    @EventHandler
    void on(ThreeDSecureCompletedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.threeDSecureCompleted(view, event));
    }

    @EventHandler
    void on(TransactionDisputedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.disputed(view, event));
    }

    @EventHandler
    void on(TransactionRefundedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.refunded(view, event));
    }

    @EventHandler
    void on(RefundFailedEvent event) {
        update(event.getTransactionId(), view -> TransactionViews.refundFailed(view, event));
    }

    @QueryHandler
    public Optional<TransactionView> handle(FindTransactionQuery query) {
        var row = query.byInvoice() ? transactions.findByInvoiceId(query.id()) : transactions.findById(query.id());
        return row.filter(found -> found.projectId().equals(query.projectId().value()))
                .map(documents::read);
    }

    private void update(String transactionId, UnaryOperator<TransactionView> change) {
        TransactionRecord row = transactions.findById(transactionId).orElseThrow(() -> new IllegalStateException(
                "Event for unknown transaction " + transactionId));
        row.update(documents.write(change.apply(documents.read(row))));
        transactions.save(row);
    }
}
