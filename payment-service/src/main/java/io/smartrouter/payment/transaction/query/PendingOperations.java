package io.smartrouter.payment.transaction.query;

import io.smartrouter.payment.transaction.api.OperationType;
import io.smartrouter.schemas.payment.CaptureFailedEvent;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import io.smartrouter.schemas.payment.RefundFailedEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.payment.TransactionFailedEvent;
import io.smartrouter.schemas.payment.TransactionRefundedEvent;
import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import io.smartrouter.schemas.payment.TransactionVoidedEvent;
import io.smartrouter.schemas.payment.VoidFailedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations in flight: a row from the intent ({@link OperationStartedEvent}) until its outcome, written in the
 * command's transaction like the other read models, so a crash can never hide one.
 */
@Component
@ProcessingGroup(TransactionProjection.PROCESSING_GROUP)
public class PendingOperations {

    /** The type of a pending request (not an operation sent to a PSP). */
    public static final String REQUEST = "request";
    static final String NO_GATEWAY = "-";

    private final PendingOperationRepository operations;

    PendingOperations(PendingOperationRepository operations) {
        this.operations = operations;
    }

    /**
     * A request is in flight until its authorization starts (or it fails): a crash between the two (the card may
     * already be released by the vault) would otherwise leave the transaction pending for ever.
     */
    @EventHandler
    void on(TransactionRequestedEvent event) {
        operations.save(new PendingOperation(event.getOperationId(), event.getTransactionId(), REQUEST,
                event.getAmount(), event.getCurrency(), NO_GATEWAY, null, event.getRequestedAt()));
    }

    @EventHandler
    void on(OperationStartedEvent event) {
        if (event.getType().equals(OperationType.AUTHORIZATION.wire())) {
            operations.deleteByTransactionIdAndType(event.getTransactionId(), REQUEST);
        }
        operations.save(new PendingOperation(event.getOperationId(), event.getTransactionId(), event.getType(),
                event.getAmount(), event.getCurrency(), event.getGatewayConfigurationId(),
                event.getAuthorizationReference(), event.getStartedAt()));
    }

    @EventHandler
    void on(TransactionAuthorizedEvent event) {
        operations.deleteById(event.getOperationId());
    }

    @EventHandler
    void on(TransactionFailedEvent event) {
        if (event.getOperationId() != null) {
            operations.deleteById(event.getOperationId());
        }
        operations.deleteByTransactionIdAndType(event.getTransactionId(), REQUEST);
    }

    @EventHandler
    void on(TransactionCapturedEvent event) {
        operations.deleteById(event.getOperationId());
    }

    @EventHandler
    void on(CaptureFailedEvent event) {
        operations.deleteById(event.getOperationId());
    }

    @EventHandler
    void on(TransactionVoidedEvent event) {
        operations.deleteById(event.getOperationId());
    }

    @EventHandler
    void on(VoidFailedEvent event) {
        operations.deleteById(event.getOperationId());
    }

    @EventHandler
    void on(TransactionRefundedEvent event) {
        operations.deleteById(event.getOperationId());
    }

    @EventHandler
    void on(RefundFailedEvent event) {
        operations.deleteById(event.getOperationId());
    }

    @Transactional(readOnly = true)
    public Optional<PendingOperation> find(String operationId) {
        return operations.findById(operationId);
    }

    /** Operations started before {@code cutoff} and still without an outcome, oldest first. */
    @Transactional(readOnly = true)
    public List<PendingOperation> startedBefore(Instant cutoff, int limit) {
        return operations.findByStartedAtBeforeOrderByStartedAtAsc(cutoff, Limit.of(limit));
    }
}
