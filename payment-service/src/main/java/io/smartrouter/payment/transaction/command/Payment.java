package io.smartrouter.payment.transaction.command;

import static io.smartrouter.platform.axon.CommandRejections.reject;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.payment.transaction.api.CompleteOperationCommand;
import io.smartrouter.payment.transaction.api.CompleteThreeDSecureCommand;
import io.smartrouter.payment.transaction.api.CreatePaymentCommand;
import io.smartrouter.payment.transaction.api.EndRoutingCommand;
import io.smartrouter.payment.transaction.api.ExpireAuthorizationCommand;
import io.smartrouter.payment.transaction.api.FailRequestCommand;
import io.smartrouter.payment.transaction.api.OperationType;
import io.smartrouter.payment.transaction.api.PaymentErrorCode;
import io.smartrouter.payment.transaction.api.RecordDisputeCommand;
import io.smartrouter.payment.transaction.api.RequestPaymentCommand;
import io.smartrouter.payment.transaction.api.RequireThreeDSecureCommand;
import io.smartrouter.payment.transaction.api.StartOperationCommand;
import io.smartrouter.payment.transaction.api.StartedOperation;
import io.smartrouter.platform.config.PlatformAxonAutoConfiguration;
import io.smartrouter.platform.error.PlatformErrorCode;
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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
 * <p>
 * One request may make several authorization attempts, one per gateway the router tries, in order. A declined attempt
 * fails the transaction only when the router has nothing left to try and no other attempt is still in flight (an
 * attempt whose gateway timed out stays in flight until the reconciler resolves it). An attempt approved after the
 * transaction was authorized elsewhere (or ended) is a late authorization: it is voided on its own gateway, as an
 * operation of its own, and never becomes the transaction's authorization. Captures, voids and refunds go to the
 * authorizing attempt's gateway configuration.
 */
@Aggregate(cache = PlatformAxonAutoConfiguration.AGGREGATE_CACHE)
public class Payment {

    static final Duration AUTHORIZATION_VALIDITY = Duration.ofDays(7);
    private static final String CHARGEBACK_OPENED = "chargeback-opened";
    private static final String CHARGEBACK_LOST = "chargeback-lost";
    /** A bound on the gateways one request may try (each is an authorization attempt on the card). */
    static final int MAX_ATTEMPTS_PER_REQUEST = 10;

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
    private String authorizingGateway;
    private String authorizingGatewayName;
    private String currentAttempt;
    private boolean routingEnded;
    private int attemptsInRequest;
    private List<String> routingTags = List.of();
    private final Map<String, Attempt> attempts = new HashMap<>();
    private final Map<String, InFlight> inFlight = new HashMap<>();
    private final Set<String> disputeNotices = new HashSet<>();
    /** Every operation id and refund id started: a keyed retry may name one again, and must not start it twice. */
    private final Set<String> startedIds = new HashSet<>();
    /** The last chargeback stage: opened (the funds are held by the dispute), won, or lost (the funds went back). */
    private String chargeback;
    private final Set<String> awaitingThreeDSecure = new HashSet<>();

    protected Payment() {
        // for Axon's event sourcing
    }

    /** A request under an id nothing has recorded anything under: a new transaction, created without a look first. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public StartedOperation handle(CreatePaymentCommand command) {
        return handle(command.request());
    }

    /**
     * The first request creates the transaction; a later one is allowed only after a failed attempt. A request with its
     * first attempt starts it too, and answers it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public StartedOperation handle(RequestPaymentCommand command) {
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
        return command.firstAttempt() == null ? null : handle(command.firstAttempt());
    }

    @CommandHandler
    public StartedOperation handle(StartOperationCommand command) {
        if (command.targetOperationId() != null) {
            return startLateVoid(command); // only the reconciler voids late attempts; no merchant names one
        }
        requireOwnedBy(command.projectId().value());
        if (startedIds.contains(command.operationId())
                || command.refundId() != null && startedIds.contains(command.refundId())) {
            // The same capture or refund asked for twice: a retry with its idempotency key racing the first request.
            throw reject(PaymentErrorCode.IN_PROGRESS, "This operation was already requested");
        }
        long operationAmount = switch (command.type()) {
            case AUTHORIZATION -> startAuthorization();
            case CAPTURE -> startCapture(command.amountMinor(), command.at());
            case VOID -> startVoid();
            case REFUND -> startRefund(command.amountMinor());
        };
        boolean attempt = command.type() == OperationType.AUTHORIZATION;
        if (attempt && command.routingTags() != null && !command.routingTags().equals(routingTags)) {
            apply(routed(command.routingTags(), false, command.at()));
        }
        String gateway = attempt ? command.gatewayConfigurationId() : authorizingGateway;
        apply(OperationStartedEvent.newBuilder()
                .setTransactionId(transactionId)
                .setProjectId(projectId)
                .setInvoiceId(invoiceId)
                .setOperationId(command.operationId())
                .setType(command.type().wire())
                .setAmount(operationAmount)
                .setCurrency(currency)
                .setGatewayConfigurationId(gateway)
                .setGatewayName(attempt ? command.gatewayName() : authorizingGatewayName)
                .setAuthorizationReference(attempt ? null : authorizationReference)
                .setRefundId(command.refundId())
                .setReason(command.reason())
                .setMetadata(command.metadata() == null ? Map.of() : command.metadata())
                .setCard(command.card())
                .setStartedAt(command.at())
                .build());
        return new StartedOperation(command.operationId(), operationAmount, currency,
                attempt ? null : authorizationReference, gateway);
    }

    /** The void of a late authorization attempt, on that attempt's gateway and reference; at most one at a time. */
    private StartedOperation startLateVoid(StartOperationCommand command) {
        Attempt late = attempts.get(command.targetOperationId());
        if (command.type() != OperationType.VOID || late == null || !late.late() || late.voided()
                || inFlight.values().stream().anyMatch(op -> command.targetOperationId().equals(op.target()))) {
            throw reject(PaymentErrorCode.IN_PROGRESS, "No late authorization " + command.targetOperationId()
                    + " is waiting to be voided");
        }
        apply(OperationStartedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(command.operationId()).setType(OperationType.VOID.wire())
                .setAmount(0).setCurrency(currency).setGatewayConfigurationId(late.gatewayConfigurationId())
                .setGatewayName(late.gatewayName()).setAuthorizationReference(late.reference())
                .setTargetOperationId(command.targetOperationId()).setStartedAt(command.at()).build());
        return new StartedOperation(command.operationId(), 0, currency, late.reference(), late.gatewayConfigurationId());
    }

    @CommandHandler
    public void handle(CompleteOperationCommand command) {
        InFlight operation = inFlight.get(command.operationId());
        if (operation == null) {
            return;
        }
        if (operation.target() != null) {
            apply(LateAuthorizationVoidedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                    .setInvoiceId(invoiceId).setOperationId(command.operationId())
                    .setAttemptOperationId(operation.target())
                    .setErrorCode(command.approved() ? null : command.errorCode()).setCompletedAt(command.at()).build());
        } else if (operation.type() == OperationType.AUTHORIZATION) {
            completeAttempt(command);
        } else {
            apply(command.approved() ? approved(operation, command) : refused(operation, command));
        }
    }

    /**
     * An authorization attempt's outcome. Approved: the transaction's authorization if it still waits for one, else a
     * late authorization to void. Declined: the transaction fails only when this was the last word (the router ends
     * with it, or ended before) and no other attempt is in flight.
     */
    private void completeAttempt(CompleteOperationCommand command) {
        String operationId = command.operationId();
        Attempt attempt = attempts.get(operationId);
        if (command.approved()) {
            if (stage == Stage.REQUESTED) {
                apply(approved(inFlight.get(operationId), command));
            } else {
                apply(LateAuthorizationApprovedEvent.newBuilder().setTransactionId(transactionId)
                        .setProjectId(projectId).setInvoiceId(invoiceId).setOperationId(operationId)
                        .setGatewayConfigurationId(attempt.gatewayConfigurationId())
                        .setGatewayReference(command.reference()).setAmount(attempt.amount()).setCurrency(currency)
                        .setApprovedAt(command.at()).build());
            }
            return;
        }
        boolean ends = stage == Stage.REQUESTED
                && (routingEnded || (operationId.equals(currentAttempt) && !command.mayFallBack()));
        boolean othersInFlight = inFlight.entrySet().stream().anyMatch(entry -> !entry.getKey().equals(operationId)
                && entry.getValue().type() == OperationType.AUTHORIZATION && entry.getValue().target() == null);
        if (ends && !othersInFlight) {
            apply(refused(inFlight.get(operationId), command));
            return;
        }
        apply(AuthorizationAttemptFailedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId)
                .setGatewayConfigurationId(attempt.gatewayConfigurationId()).setErrorCode(command.errorCode())
                .setFailedAt(command.at()).build());
        if (ends && !routingEnded) {
            apply(routed(routingTags, true, command.at()));
        }
    }

    /** Nothing left to try: fails the request now, or, with an attempt still in flight, when that one is resolved. */
    @CommandHandler
    public void handle(EndRoutingCommand command) {
        if (stage != Stage.REQUESTED || routingEnded) {
            return;
        }
        if (inFlight.values().stream().anyMatch(op -> op.type() == OperationType.AUTHORIZATION)) {
            apply(routed(routingTags, true, command.at()));
            return;
        }
        apply(TransactionFailedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setErrorCode(command.errorCode())
                .setMessage("No gateway could authorize the payment").setFailedAt(command.at()).build());
    }

    private TransactionRoutedEvent routed(List<String> tags, boolean ended, Instant at) {
        return TransactionRoutedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setRoutingTags(tags).setEnded(ended).setRoutedAt(at).build();
    }

    /** Lapses an authorization nothing was captured of; anything else (captured, voided, in flight) is left as is. */
    @CommandHandler
    public void handle(ExpireAuthorizationCommand command) {
        if (stage != Stage.AUTHORIZED || captured > 0 || operationsOnAuthorizationInFlight()
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

    /**
     * The request's first attempt, or the next one after a declined or unknown attempt. Only the request's own flow
     * starts attempts (a second request is refused while one is in progress), so an attempt in flight here is one
     * whose gateway did not answer and was left to the reconciler.
     */
    private long startAuthorization() {
        if (stage != Stage.REQUESTED || routingEnded || !awaitingThreeDSecure.isEmpty()
                || attemptsInRequest >= MAX_ATTEMPTS_PER_REQUEST) {
            throw reject(PaymentErrorCode.IN_PROGRESS, "No authorization attempt of this invoice is waiting to be sent");
        }
        return amount;
    }

    /** Captures, voids and refunds of the authorization (not attempts left in flight, nor voids of late ones). */
    private boolean operationsOnAuthorizationInFlight() {
        return inFlight.values().stream().anyMatch(op -> op.type() != OperationType.AUTHORIZATION && op.target() == null);
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
        if (operationsOnAuthorizationInFlight()) {
            throw reject(PaymentErrorCode.IN_PROGRESS, "An operation on this authorization is in progress");
        }
        return 0;
    }

    private long startRefund(Long requested) {
        if (captured == 0) {
            throw reject(PaymentErrorCode.NOT_CAPTURED, "Nothing was captured on this invoice, so nothing can be refunded");
        }
        // A refund now would pay the cardholder twice: the chargeback holds (or has returned) the funds.
        if (CHARGEBACK_OPENED.equals(chargeback)) {
            throw reject(PaymentErrorCode.DISPUTED, "A chargeback is open on this payment; it cannot be refunded "
                    + "unless the chargeback is won");
        }
        if (CHARGEBACK_LOST.equals(chargeback)) {
            throw reject(PaymentErrorCode.DISPUTED, "This payment was charged back; the cardholder has its funds");
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
        currentAttempt = null;
        routingEnded = false;
        attemptsInRequest = 0;
        routingTags = List.of();
    }

    @EventSourcingHandler
    void on(OperationStartedEvent event) {
        OperationType type = OperationType.fromWire(event.getType());
        inFlight.put(event.getOperationId(), new InFlight(type, event.getAmount(), event.getRefundId(),
                event.getReason(), event.getMetadata(), event.getTargetOperationId()));
        startedIds.add(event.getOperationId());
        if (event.getRefundId() != null) {
            startedIds.add(event.getRefundId());
        }
        if (type == OperationType.AUTHORIZATION) {
            attempts.put(event.getOperationId(), new Attempt(event.getGatewayConfigurationId(), event.getGatewayName(),
                    event.getAmount(), null, false, false));
            currentAttempt = event.getOperationId();
            attemptsInRequest++;
        }
    }

    @EventSourcingHandler
    void on(AuthorizationAttemptFailedEvent event) {
        inFlight.remove(event.getOperationId());
    }

    @EventSourcingHandler
    void on(TransactionRoutedEvent event) {
        routingTags = List.copyOf(event.getRoutingTags());
        routingEnded = event.getEnded();
    }

    @EventSourcingHandler
    void on(LateAuthorizationApprovedEvent event) {
        inFlight.remove(event.getOperationId());
        Attempt attempt = attempts.get(event.getOperationId());
        attempts.put(event.getOperationId(), new Attempt(attempt.gatewayConfigurationId(), attempt.gatewayName(),
                attempt.amount(), event.getGatewayReference(), true, false));
    }

    @EventSourcingHandler
    void on(LateAuthorizationVoidedEvent event) {
        inFlight.remove(event.getOperationId());
        if (event.getErrorCode() == null) {
            Attempt attempt = attempts.get(event.getAttemptOperationId());
            attempts.put(event.getAttemptOperationId(), new Attempt(attempt.gatewayConfigurationId(),
                    attempt.gatewayName(), attempt.amount(), attempt.reference(), true, true));
        }
    }

    @EventSourcingHandler
    void on(TransactionAuthorizedEvent event) {
        inFlight.remove(event.getOperationId());
        Attempt attempt = attempts.get(event.getOperationId());
        if (attempt != null) {
            authorizingGateway = attempt.gatewayConfigurationId();
            authorizingGatewayName = attempt.gatewayName();
        }
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
        if (event.getStage().startsWith("chargeback-")) {
            chargeback = event.getStage();
        }
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

    /**
     * An operation sent (or about to be sent) to the PSP, its amount reserved until the outcome; {@code target} is the
     * late authorization a void cancels.
     */
    private record InFlight(OperationType type, long amount, String refundId, String reason,
            Map<String, String> metadata, String target) {
    }

    /** An authorization attempt: where it went, and whether it came back approved too late and was voided. */
    private record Attempt(String gatewayConfigurationId, String gatewayName, long amount, String reference,
            boolean late, boolean voided) {
    }
}
