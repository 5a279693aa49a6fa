package io.smartrouter.payment.transaction.query;

import io.smartrouter.payment.transaction.api.OperationType;
import io.smartrouter.schemas.payment.AuthorizationAttemptFailedEvent;
import io.smartrouter.schemas.payment.CaptureFailedEvent;
import io.smartrouter.schemas.payment.LateAuthorizationApprovedEvent;
import io.smartrouter.schemas.payment.LateAuthorizationVoidedEvent;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import io.smartrouter.schemas.payment.RefundFailedEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.payment.TransactionFailedEvent;
import io.smartrouter.schemas.payment.TransactionRefundedEvent;
import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import io.smartrouter.schemas.payment.TransactionRoutedEvent;
import io.smartrouter.schemas.payment.TransactionVoidedEvent;
import io.smartrouter.schemas.payment.VoidFailedEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations in flight: a row from the intent ({@link OperationStartedEvent}) until its outcome, written in the
 * command's transaction like the other read models, so a crash can never hide one. Rows are only ever inserted and
 * deleted, with one SQL statement each (no entity read first: these run on every payment command); reads go through
 * the entity.
 */
@Component
@ProcessingGroup(TransactionProjection.PROCESSING_GROUP)
public class PendingOperations {

    /** The type of a pending request (not an operation sent to a PSP). */
    public static final String REQUEST = "request";
    /** An authorization attempt approved after the transaction was authorized elsewhere: to be voided. */
    public static final String LATE_AUTHORIZATION = "late-authorization";
    static final String NEXT_ATTEMPT_SUFFIX = ".next";
    static final String NO_GATEWAY = "-";

    private final PendingOperationRepository operations;
    private final JdbcTemplate jdbc;

    PendingOperations(PendingOperationRepository operations, JdbcTemplate jdbc) {
        this.operations = operations;
        this.jdbc = jdbc;
    }

    /**
     * A request is in flight until its authorization starts (or it fails): a crash between the two (the card may
     * already be released by the vault) would otherwise leave the transaction pending for ever.
     */
    @EventHandler
    void on(TransactionRequestedEvent event) {
        insert(new PendingOperation(event.getOperationId(), event.getTransactionId(), REQUEST,
                event.getAmount(), event.getCurrency(), NO_GATEWAY, null, event.getRequestedAt()));
    }

    @EventHandler
    void on(OperationStartedEvent event) {
        if (event.getType().equals(OperationType.AUTHORIZATION.wire())) {
            deleteByTransactionIdAndType(event.getTransactionId(), REQUEST);
        }
        insert(new PendingOperation(event.getOperationId(), event.getTransactionId(), event.getType(),
                event.getAmount(), event.getCurrency(), event.getGatewayConfigurationId(),
                event.getAuthorizationReference(), event.getStartedAt()));
    }

    @EventHandler
    void on(TransactionAuthorizedEvent event) {
        deleteById(event.getOperationId());
        deleteByTransactionIdAndType(event.getTransactionId(), REQUEST);
    }

    /**
     * The router goes on to the next gateway: until that attempt starts the request is in flight again, so a crash in
     * between is found (and failed) like a request that never reached an authorization.
     */
    @EventHandler
    void on(AuthorizationAttemptFailedEvent event) {
        deleteById(event.getOperationId());
        insert(new PendingOperation(event.getOperationId() + NEXT_ATTEMPT_SUFFIX, event.getTransactionId(),
                REQUEST, 0, "XXX", NO_GATEWAY, null, event.getFailedAt()));
    }

    /** Routing ended with an attempt still in flight: that attempt's own row decides the rest. */
    @EventHandler
    void on(TransactionRoutedEvent event) {
        if (event.getEnded()) {
            deleteByTransactionIdAndType(event.getTransactionId(), REQUEST);
        }
    }

    @EventHandler
    void on(LateAuthorizationApprovedEvent event) {
        deleteById(event.getOperationId());
        insert(new PendingOperation(event.getOperationId(), event.getTransactionId(), LATE_AUTHORIZATION,
                event.getAmount(), event.getCurrency(), event.getGatewayConfigurationId(), event.getGatewayReference(),
                event.getApprovedAt()));
    }

    @EventHandler
    void on(LateAuthorizationVoidedEvent event) {
        deleteById(event.getOperationId());
        if (event.getErrorCode() == null) {
            deleteById(event.getAttemptOperationId());
        }
    }

    @EventHandler
    void on(TransactionFailedEvent event) {
        if (event.getOperationId() != null) {
            deleteById(event.getOperationId());
        }
        deleteByTransactionIdAndType(event.getTransactionId(), REQUEST);
    }

    @EventHandler
    void on(TransactionCapturedEvent event) {
        deleteById(event.getOperationId());
    }

    @EventHandler
    void on(CaptureFailedEvent event) {
        deleteById(event.getOperationId());
    }

    @EventHandler
    void on(TransactionVoidedEvent event) {
        deleteById(event.getOperationId());
    }

    @EventHandler
    void on(VoidFailedEvent event) {
        deleteById(event.getOperationId());
    }

    @EventHandler
    void on(TransactionRefundedEvent event) {
        deleteById(event.getOperationId());
    }

    @EventHandler
    void on(RefundFailedEvent event) {
        deleteById(event.getOperationId());
    }

    /** Drops a request row the reconciler dealt with (failed, or found moved on). */
    @Transactional
    public void forget(String operationId) {
        deleteById(operationId);
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

    private void insert(PendingOperation operation) {
        jdbc.update("INSERT INTO " + PendingOperation.TABLE + " (operation_id, transaction_id, type, amount_minor, "
                + "currency, gateway, authorization_reference, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                operation.operationId(), operation.transactionId(), operation.type(), operation.amountMinor(), operation.currency(),
                operation.gateway(), operation.authorizationReference(),
                OffsetDateTime.ofInstant(operation.startedAt(), ZoneOffset.UTC));
    }

    private void deleteById(String operationId) {
        jdbc.update("DELETE FROM " + PendingOperation.TABLE + " WHERE operation_id = ?", operationId);
    }

    private void deleteByTransactionIdAndType(String transactionId, String type) {
        jdbc.update("DELETE FROM " + PendingOperation.TABLE + " WHERE transaction_id = ? AND type = ?", transactionId,
                type);
    }
}
