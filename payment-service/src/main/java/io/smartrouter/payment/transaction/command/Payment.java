package io.smartrouter.payment.transaction.command;

import static io.smartrouter.platform.axon.CommandRejections.reject;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.payment.transaction.api.CompleteOperationCommand;
import io.smartrouter.payment.transaction.api.CompleteThreeDSecureCommand;
import io.smartrouter.payment.transaction.api.ExpireAuthorizationCommand;
import io.smartrouter.payment.transaction.api.FailRequestCommand;
import io.smartrouter.payment.transaction.api.OperationType;
import io.smartrouter.payment.transaction.api.PaymentErrorCode;
import io.smartrouter.payment.transaction.api.RecordDisputeCommand;
import io.smartrouter.payment.transaction.api.RequestPaymentCommand;
import io.smartrouter.payment.transaction.api.RequireThreeDSecureCommand;
import io.smartrouter.payment.transaction.api.StartOperationCommand;
import io.smartrouter.payment.transaction.api.StartedOperation;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.schemas.payment.CaptureFailedEvent;
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
import io.smartrouter.schemas.payment.TransactionVoidedEvent;
import io.smartrouter.schemas.payment.VoidFailedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A transaction: the payment of one invoice, with its operations. Every PSP call is split in two commands: the intent
 * ({@link StartOperationCommand}, which reserves the amount) and the outcome ({@link CompleteOperationCommand}). Axon
 * serialises commands on one transaction, so concurrent captures or refunds are checked against the amounts already
 * done <em>and</em> reserved, and never reach the PSP for more than is available.
 */
@Aggregate
public class Payment {

    static final Duration AUTHORIZATION_VALIDITY = Duration.ofDays(7);

    @AggregateIdentifier
    private String transactionId;
    private String projectId;
    private String invoiceId;
    private String currency;
    private long amount;
    private Stage stage;
    private long authorized;
    private long captured;
    private long refunded;
    private String authorizationReference;
    private Instant authorizationExpiresAt;
    private final Map<String, InFlight> inFlight = new HashMap<>();
    private final Set<String> disputeNotices = new HashSet<>();
    private final Set<String> awaitingThreeDSecure = new HashSet<>();

    protected Payment() {
        // for Axon's event sourcing
    }

    /** The first attempt creates the transaction; a later one is allowed only after a failed attempt. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestPaymentCommand command) {
        if (stage != null) {
            requireOwnedBy(command.projectId().value());
            switch (stage) {
                case REQUESTED -> throw reject(PaymentErrorCode.IN_PROGRESS,
                        "An authorization of this invoice is in progress");
                case AUTHORIZED -> throw reject(PaymentErrorCode.ALREADY_AUTHORIZED, "This invoice is already authorized");
                case CAPTURED -> throw reject(PaymentErrorCode.ALREADY_CAPTURED, "This invoice is already captured");
                case VOIDED -> throw reject(PaymentErrorCode.VOIDED, "This invoice's authorization was voided");
                case EXPIRED -> throw reject(PaymentErrorCode.AUTHORIZATION_EXPIRED,
                        "This invoice's authorization expired");
                case FAILED -> {
                    // a new attempt after a failed one
                }
                default -> throw new IllegalStateException("Unknown stage " + stage);
            }
        }
        apply(TransactionRequestedEvent.newBuilder()
                .setTransactionId(command.transactionId())
                .setProjectId(command.projectId().value())
                .setInvoiceId(command.invoiceId())
                .setOperationId(command.operationId())
                .setAmount(command.amount().minorUnits())
                .setCurrency(command.amount().currencyCode())
                .setInitiationType(command.initiationType())
                .setCardId(command.cardId())
                .setTokenId(command.tokenId())
                .setCustomerId(command.customerId())
                .setAutoCaptureAt(command.autoCaptureAt())
                .setRequestedAt(command.requestedAt())
                .build());
    }

    @CommandHandler
    public StartedOperation handle(StartOperationCommand command) {
        requireOwnedBy(command.projectId().value());
        long operationAmount = switch (command.type()) {
            case AUTHORIZATION -> startAuthorization();
            case CAPTURE -> startCapture(command.amountMinor(), command.at());
            case VOID -> startVoid();
            case REFUND -> startRefund(command.amountMinor());
        };
        apply(OperationStartedEvent.newBuilder()
                .setTransactionId(transactionId)
                .setProjectId(projectId)
                .setInvoiceId(invoiceId)
                .setOperationId(command.operationId())
                .setType(command.type().wire())
                .setAmount(operationAmount)
                .setCurrency(currency)
                .setGatewayConfigurationId(command.gatewayConfigurationId())
                .setAuthorizationReference(command.type() == OperationType.AUTHORIZATION ? null : authorizationReference)
                .setRefundId(command.refundId())
                .setReason(command.reason())
                .setMetadata(command.metadata() == null ? Map.of() : command.metadata())
                .setCard(command.card())
                .setStartedAt(command.at())
                .build());
        return new StartedOperation(command.operationId(), operationAmount, currency, authorizationReference,
                command.gatewayConfigurationId());
    }

    @CommandHandler
    public void handle(CompleteOperationCommand command) {
        InFlight operation = inFlight.get(command.operationId());
        if (operation == null) {
            return;
        }
        apply(command.approved() ? approved(operation, command) : refused(operation, command));
    }

    /** Lapses an authorization nothing was captured of; anything else (captured, voided, in flight) is left as is. */
    @CommandHandler
    public void handle(ExpireAuthorizationCommand command) {
        if (stage != Stage.AUTHORIZED || captured > 0 || !inFlight.isEmpty()
                || command.at().isBefore(authorizationExpiresAt)) {
            return;
        }
        apply(TransactionAuthorizationExpiredEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setAmount(authorized).setCurrency(currency).setExpiredAt(command.at()).build());
    }

    @CommandHandler
    public void handle(RequireThreeDSecureCommand command) {
        InFlight operation = inFlight.get(command.operationId());
        if (operation == null || operation.type() != OperationType.AUTHORIZATION
                || awaitingThreeDSecure.contains(command.operationId())) {
            return;
        }
        apply(ThreeDSecureRequiredEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(command.operationId()).setChallengeUrl(command.challengeUrl())
                .setRequiredAt(command.at()).build());
    }

    /** Only an authorization waiting for the customer's challenge takes a result, and only once. */
    @CommandHandler
    public void handle(CompleteThreeDSecureCommand command) {
        requireOwnedBy(command.projectId().value());
        if (!awaitingThreeDSecure.contains(command.operationId())) {
            throw reject(PaymentErrorCode.NO_THREE_D_SECURE, "No 3-D Secure challenge is waiting for this operation");
        }
        apply(ThreeDSecureCompletedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(command.operationId()).setPassed(command.passed())
                .setCompletedAt(command.at()).build());
    }

    /** Disputes concern captured payments; a notice about anything else, or seen before, is ignored. */
    @CommandHandler
    public void handle(RecordDisputeCommand command) {
        if (captured == 0 || disputeNotices.contains(command.noticeId())) {
            return;
        }
        apply(TransactionDisputedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setNoticeId(command.noticeId()).setStage(command.stage())
                .setAmount(command.amountMinor()).setCurrency(currency).setOccurredAt(command.at()).build());
    }

    @CommandHandler
    public void handle(FailRequestCommand command) {
        if (stage != Stage.REQUESTED || inFlight.values().stream().anyMatch(op -> op.type() == OperationType.AUTHORIZATION)) {
            return;
        }
        apply(TransactionFailedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setErrorCode(command.errorCode()).setMessage(command.message())
                .setFailedAt(command.at()).build());
    }

    private long startAuthorization() {
        if (stage != Stage.REQUESTED || inFlight.values().stream().anyMatch(op -> op.type() == OperationType.AUTHORIZATION)) {
            throw reject(PaymentErrorCode.IN_PROGRESS, "No authorization attempt of this invoice is waiting to be sent");
        }
        return amount;
    }

    private long startCapture(Long requested, Instant at) {
        requireAuthorizedOrCaptured();
        if (at.isAfter(authorizationExpiresAt)) {
            throw reject(PaymentErrorCode.AUTHORIZATION_EXPIRED, "The authorization expired at " + authorizationExpiresAt
                    + "; it can no longer be captured");
        }
        if (inFlight.values().stream().anyMatch(op -> op.type() == OperationType.VOID)) {
            throw reject(PaymentErrorCode.IN_PROGRESS, "A void of this authorization is in progress");
        }
        long available = authorized - captured - reserved(OperationType.CAPTURE);
        long capture = requested == null ? available : requested;
        if (capture <= 0 || capture > available) {
            throw reject(PlatformErrorCode.INVALID_AMOUNT, available <= 0
                    ? "Nothing is left to capture on this authorization"
                    : "At most " + available + " minor units can still be captured");
        }
        return capture;
    }

    private long startVoid() {
        requireAuthorizedOrCaptured();
        if (captured > 0) {
            throw reject(PaymentErrorCode.ALREADY_CAPTURED, "Only an authorization with nothing captured can be voided");
        }
        if (!inFlight.isEmpty()) {
            throw reject(PaymentErrorCode.IN_PROGRESS, "An operation on this authorization is in progress");
        }
        return 0;
    }

    private long startRefund(Long requested) {
        if (captured == 0) {
            throw reject(PaymentErrorCode.NOT_CAPTURED, "Nothing was captured on this invoice, so nothing can be refunded");
        }
        long available = captured - refunded - reserved(OperationType.REFUND);
        if (requested == null || requested <= 0 || requested > available) {
            throw reject(PlatformErrorCode.INVALID_AMOUNT, "A refund must be more than zero and at most the "
                    + available + " minor units captured and not yet refunded");
        }
        return requested;
    }

    private void requireAuthorizedOrCaptured() {
        switch (stage) {
            case AUTHORIZED, CAPTURED -> {
                // fine
            }
            case VOIDED -> throw reject(PaymentErrorCode.VOIDED, "This invoice's authorization was voided");
            case EXPIRED -> throw reject(PaymentErrorCode.AUTHORIZATION_EXPIRED, "This invoice's authorization expired");
            default -> throw reject(PaymentErrorCode.NOT_AUTHORIZED, "This invoice has no authorization");
        }
    }

    private void requireOwnedBy(String caller) {
        if (!projectId.equals(caller)) {
            throw reject(PaymentErrorCode.TRANSACTION_NOT_FOUND, "No transaction with id " + transactionId + " was found");
        }
    }

    private long reserved(OperationType type) {
        return inFlight.values().stream().filter(op -> op.type() == type).mapToLong(InFlight::amount).sum();
    }

    private Object approved(InFlight operation, CompleteOperationCommand command) {
        return switch (operation.type()) {
            case AUTHORIZATION -> TransactionAuthorizedEvent.newBuilder().setTransactionId(transactionId)
                    .setProjectId(projectId).setInvoiceId(invoiceId).setOperationId(command.operationId())
                    .setAmount(operation.amount()).setCurrency(currency).setGatewayReference(command.reference())
                    .setAuthorizationExpiresAt(command.at().plus(AUTHORIZATION_VALIDITY)).setAuthorizedAt(command.at())
                    .build();
            case CAPTURE -> TransactionCapturedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                    .setInvoiceId(invoiceId).setOperationId(command.operationId()).setAmount(operation.amount())
                    .setCapturedAmount(captured + operation.amount()).setCurrency(currency).setCapturedAt(command.at())
                    .build();
            case VOID -> TransactionVoidedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                    .setInvoiceId(invoiceId).setOperationId(command.operationId()).setVoidedAt(command.at()).build();
            case REFUND -> TransactionRefundedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                    .setInvoiceId(invoiceId).setOperationId(command.operationId()).setRefundId(operation.refundId())
                    .setAmount(operation.amount()).setRefundedAmount(refunded + operation.amount()).setCurrency(currency)
                    .setReason(operation.reason()).setMetadata(operation.metadata()).setRefundedAt(command.at()).build();
        };
    }

    private Object refused(InFlight operation, CompleteOperationCommand command) {
        return switch (operation.type()) {
            case AUTHORIZATION -> TransactionFailedEvent.newBuilder().setTransactionId(transactionId)
                    .setProjectId(projectId).setInvoiceId(invoiceId).setOperationId(command.operationId())
                    .setErrorCode(command.errorCode()).setFailedAt(command.at()).build();
            case CAPTURE -> CaptureFailedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                    .setInvoiceId(invoiceId).setOperationId(command.operationId()).setAmount(operation.amount())
                    .setCurrency(currency).setErrorCode(command.errorCode()).setFailedAt(command.at()).build();
            case VOID -> VoidFailedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                    .setInvoiceId(invoiceId).setOperationId(command.operationId()).setErrorCode(command.errorCode())
                    .setFailedAt(command.at()).build();
            case REFUND -> RefundFailedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                    .setInvoiceId(invoiceId).setOperationId(command.operationId()).setRefundId(operation.refundId())
                    .setAmount(operation.amount()).setCurrency(currency).setErrorCode(command.errorCode())
                    .setFailedAt(command.at()).build();
        };
    }

    @EventSourcingHandler
    void on(TransactionRequestedEvent event) {
        transactionId = event.getTransactionId();
        projectId = event.getProjectId();
        invoiceId = event.getInvoiceId();
        currency = event.getCurrency();
        amount = event.getAmount();
        stage = Stage.REQUESTED;
    }

    @EventSourcingHandler
    void on(OperationStartedEvent event) {
        inFlight.put(event.getOperationId(), new InFlight(OperationType.fromWire(event.getType()), event.getAmount(),
                event.getRefundId(), event.getReason(), event.getMetadata()));
    }

    @EventSourcingHandler
    void on(TransactionAuthorizedEvent event) {
        inFlight.remove(event.getOperationId());
        stage = Stage.AUTHORIZED;
        authorized = event.getAmount();
        authorizationReference = event.getGatewayReference();
        authorizationExpiresAt = event.getAuthorizationExpiresAt();
    }

    @EventSourcingHandler
    void on(TransactionFailedEvent event) {
        if (event.getOperationId() != null) {
            inFlight.remove(event.getOperationId());
        }
        stage = Stage.FAILED;
    }

    @EventSourcingHandler
    void on(TransactionCapturedEvent event) {
        inFlight.remove(event.getOperationId());
        stage = Stage.CAPTURED;
        captured = event.getCapturedAmount();
    }

    @EventSourcingHandler
    void on(TransactionVoidedEvent event) {
        inFlight.remove(event.getOperationId());
        stage = Stage.VOIDED;
    }

    @EventSourcingHandler
    void on(TransactionRefundedEvent event) {
        inFlight.remove(event.getOperationId());
        refunded = event.getRefundedAmount();
    }

    @EventSourcingHandler
    void on(TransactionAuthorizationExpiredEvent event) {
        stage = Stage.EXPIRED;
    }

    @EventSourcingHandler
    void on(ThreeDSecureRequiredEvent event) {
        awaitingThreeDSecure.add(event.getOperationId());
    }

    @EventSourcingHandler
    void on(ThreeDSecureCompletedEvent event) {
        awaitingThreeDSecure.remove(event.getOperationId());
    }

    @EventSourcingHandler
    void on(TransactionDisputedEvent event) {
        disputeNotices.add(event.getNoticeId());
    }

    @EventSourcingHandler
    void on(CaptureFailedEvent event) {
        inFlight.remove(event.getOperationId());
    }

    @EventSourcingHandler
    void on(VoidFailedEvent event) {
        inFlight.remove(event.getOperationId());
    }

    @EventSourcingHandler
    void on(RefundFailedEvent event) {
        inFlight.remove(event.getOperationId());
    }

    /** Where the transaction is in its life; refunds do not change it (amounts tell). */
    enum Stage {
        REQUESTED,
        FAILED,
        AUTHORIZED,
        CAPTURED,
        VOIDED,
        EXPIRED
    }

    /** An operation sent (or about to be sent) to the PSP, its amount reserved until the outcome. */
    private record InFlight(OperationType type, long amount, String refundId, String reason,
            Map<String, String> metadata) {
    }
}
