package io.smartrouter.payment.transaction.query;

import io.smartrouter.payment.transaction.query.TransactionView.CardView;
import io.smartrouter.payment.transaction.query.TransactionView.OperationView;
import io.smartrouter.payment.transaction.query.TransactionView.RefundView;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Folds payment events into {@link TransactionView}s. Pure functions, tested without Spring. */
final class TransactionViews {

    static final String PENDING = "pending";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String EXPIRED = "authorization.expired";

    private TransactionViews() {
    }

    /** The first request creates the view; a later one (a new attempt after a failure) counts an attempt. */
    static TransactionView requested(TransactionView current, TransactionRequestedEvent event) {
        List<OperationView> operations = current == null ? new ArrayList<>() : new ArrayList<>(current.operations());
        operations.add(new OperationView(event.getOperationId(), "request", null, event.getAmount(), SUCCEEDED, false,
                null, event.getRequestedAt()));
        return new TransactionView(event.getTransactionId(), event.getProjectId(), event.getInvoiceId(),
                event.getCustomerId(), event.getTokenId(), event.getCardId(),
                current == null ? null : current.card(), PENDING, event.getAmount(), event.getCurrency(), 0, 0, 0,
                current == null ? null : current.gatewayConfigurationId(), null, null, event.getAutoCaptureAt(), null,
                current == null ? 1 : current.attemptsCount() + 1, operations,
                current == null ? List.of() : current.refunds(),
                current == null ? event.getRequestedAt() : current.createdAt(), event.getRequestedAt(),
                current == null ? null : current.gatewayName(), List.of());
    }

    /**
     * An operation started. An authorization attempt makes the transaction's gateway the attempt's; one after the
     * first of its request counts as another attempt (the request counted the first). Other operations keep the
     * authorizing gateway.
     */
    static TransactionView started(TransactionView view, OperationStartedEvent event) {
        boolean attempt = event.getType().equals("authorization");
        boolean laterAttempt = attempt && attemptedSinceLastRequest(view.operations());
        String gateway = attempt || event.getTargetOperationId() == null ? event.getGatewayConfigurationId()
                : view.gatewayConfigurationId();
        String gatewayName = !attempt && event.getTargetOperationId() != null ? view.gatewayName()
                : event.getGatewayName() != null ? event.getGatewayName() : view.gatewayName();
        List<OperationView> operations = new ArrayList<>(view.operations());
        operations.add(new OperationView(event.getOperationId(), event.getType(), event.getGatewayConfigurationId(),
                event.getAmount(), PENDING, false, null, event.getStartedAt()));
        List<RefundView> refunds = new ArrayList<>(view.refunds());
        if (event.getRefundId() != null) {
            refunds.add(new RefundView(event.getRefundId(), event.getAmount(), event.getReason(), event.getMetadata(),
                    PENDING, null, event.getStartedAt()));
        }
        var card = event.getCard() == null ? view.card() : new CardView(event.getCard().getScheme(),
                event.getCard().getType(), event.getCard().getCountryCode(), event.getCard().getIin(),
                event.getCard().getLast4Digits());
        return new TransactionView(view.id(), view.projectId(), view.invoiceId(), view.customerId(), view.tokenId(),
                view.cardId(), card, view.status(), view.amount(), view.currency(), view.authorizedAmount(),
                view.capturedAmount(), view.refundedAmount(), gateway, view.errorCode(),
                view.threeDSecureStatus(), view.autoCaptureAt(), view.authorizationExpiresAt(),
                view.attemptsCount() + (laterAttempt ? 1 : 0), operations, refunds,
                view.createdAt(),
                event.getStartedAt(), gatewayName, view.routingTags());
    }

    private static boolean attemptedSinceLastRequest(List<OperationView> operations) {
        for (int i = operations.size() - 1; i >= 0; i--) {
            String type = operations.get(i).type();
            if (type.equals("request")) {
                return false;
            }
            if (type.equals("authorization")) {
                return true;
            }
        }
        return false;
    }

    /** The routing tags of the current request. */
    static TransactionView routed(TransactionView view, TransactionRoutedEvent event) {
        return view.routedTo(view.gatewayConfigurationId(), view.gatewayName(), event.getRoutingTags(),
                event.getRoutedAt());
    }

    /** An attempt failed and the router goes on: the attempt shows failed; the transaction stays pending. */
    static TransactionView attemptFailed(TransactionView view, AuthorizationAttemptFailedEvent event) {
        return withOutcome(view, event.getOperationId(), event.getErrorCode(), event.getFailedAt(), view.status(),
                view.authorizedAmount(), view.capturedAmount(), view.refundedAmount(), view.authorizationExpiresAt(),
                UnaryOperator.identity()).withErrorCode(view.errorCode());
    }

    /**
     * An attempt approved after another authorized the transaction: the attempt shows succeeded (its hold is voided
     * next); the transaction's own gateway and status do not change.
     */
    static TransactionView lateApproved(TransactionView view, LateAuthorizationApprovedEvent event) {
        return withOutcome(view, event.getOperationId(), null, event.getApprovedAt(), view.status(),
                view.authorizedAmount(), view.capturedAmount(), view.refundedAmount(), view.authorizationExpiresAt(),
                UnaryOperator.identity()).withErrorCode(view.errorCode());
    }

    static TransactionView lateVoided(TransactionView view, LateAuthorizationVoidedEvent event) {
        return withOutcome(view, event.getOperationId(), event.getErrorCode(), event.getCompletedAt(), view.status(),
                view.authorizedAmount(), view.capturedAmount(), view.refundedAmount(), view.authorizationExpiresAt(),
                UnaryOperator.identity()).withErrorCode(view.errorCode());
    }

    static TransactionView authorized(TransactionView view, TransactionAuthorizedEvent event) {
        return withOutcome(view, event.getOperationId(), null, event.getAuthorizedAt(), "authorized", event.getAmount(),
                view.capturedAmount(), view.refundedAmount(), event.getAuthorizationExpiresAt(), UnaryOperator.identity());
    }

    static TransactionView failed(TransactionView view, TransactionFailedEvent event) {
        return withOutcome(view, event.getOperationId(), event.getErrorCode(), event.getFailedAt(), FAILED,
                view.authorizedAmount(), view.capturedAmount(), view.refundedAmount(), view.authorizationExpiresAt(),
                UnaryOperator.identity());
    }

    static TransactionView captured(TransactionView view, TransactionCapturedEvent event) {
        return withOutcome(view, event.getOperationId(), null, event.getCapturedAt(), "completed",
                view.authorizedAmount(), event.getCapturedAmount(), view.refundedAmount(),
                view.authorizationExpiresAt(), UnaryOperator.identity());
    }

    static TransactionView captureFailed(TransactionView view, CaptureFailedEvent event) {
        return withOutcome(view, event.getOperationId(), event.getErrorCode(), event.getFailedAt(), view.status(),
                view.authorizedAmount(), view.capturedAmount(), view.refundedAmount(), view.authorizationExpiresAt(),
                UnaryOperator.identity());
    }

    static TransactionView voided(TransactionView view, TransactionVoidedEvent event) {
        return withOutcome(view, event.getOperationId(), null, event.getVoidedAt(), "voided", view.authorizedAmount(),
                view.capturedAmount(), view.refundedAmount(), view.authorizationExpiresAt(), UnaryOperator.identity());
    }

    static TransactionView voidFailed(TransactionView view, VoidFailedEvent event) {
        return withOutcome(view, event.getOperationId(), event.getErrorCode(), event.getFailedAt(), view.status(),
                view.authorizedAmount(), view.capturedAmount(), view.refundedAmount(), view.authorizationExpiresAt(),
                UnaryOperator.identity());
    }

    /** A lapsed authorization shows as voided (the hold is released) with {@code authorization.expired}. */
    static TransactionView expired(TransactionView view, TransactionAuthorizationExpiredEvent event) {
        return withOutcome(view, null, EXPIRED, event.getExpiredAt(), "voided", view.authorizedAmount(),
                view.capturedAmount(), view.refundedAmount(), view.authorizationExpiresAt(), UnaryOperator.identity());
    }

    static TransactionView threeDSecureRequired(TransactionView view, ThreeDSecureRequiredEvent event) {
        return view.withThreeDSecure("challenge-required", null, event.getRequiredAt());
    }

    /** The customer's result, as a {@code three_d_s_check} operation. */
    static TransactionView threeDSecureCompleted(TransactionView view, ThreeDSecureCompletedEvent event) {
        String result = event.getPassed() ? SUCCEEDED : FAILED;
        return view.withThreeDSecure(result, new OperationView(event.getOperationId() + ".3ds", "three_d_s_check",
                view.gatewayConfigurationId(), 0, result, !event.getPassed(),
                event.getPassed() ? null : "card.authentication-failed", event.getCompletedAt()), event.getCompletedAt());
    }

    /** A dispute stage: the status of API.md, and a chargeback operation in the history. */
    static TransactionView disputed(TransactionView view, TransactionDisputedEvent event) {
        String status = switch (event.getStage()) {
            case "retrieval-request" -> "retrieval-request";
            case "fraud-notification" -> "fraud-notification";
            case "chargeback-opened" -> "chargeback-initiated";
            case "chargeback-won" -> "solved";
            case "chargeback-lost" -> "reversed";
            default -> view.status();
        };
        List<OperationView> operations = new ArrayList<>(view.operations());
        operations.add(new OperationView(event.getNoticeId(), "chargeback", view.gatewayConfigurationId(),
                event.getAmount(), event.getStage(), false, null, event.getOccurredAt()));
        TransactionView changed = withOutcome(view, null, null, event.getOccurredAt(), status, view.authorizedAmount(),
                view.capturedAmount(), view.refundedAmount(), view.authorizationExpiresAt(), UnaryOperator.identity());
        return new TransactionView(changed.id(), changed.projectId(), changed.invoiceId(), changed.customerId(),
                changed.tokenId(), changed.cardId(), changed.card(), changed.status(), changed.amount(),
                changed.currency(), changed.authorizedAmount(), changed.capturedAmount(), changed.refundedAmount(),
                changed.gatewayConfigurationId(), changed.errorCode(), changed.threeDSecureStatus(),
                changed.autoCaptureAt(),
                changed.authorizationExpiresAt(), changed.attemptsCount(), operations, changed.refunds(),
                changed.createdAt(), changed.updatedAt(), changed.gatewayName(), changed.routingTags());
    }

    static TransactionView refunded(TransactionView view, TransactionRefundedEvent event) {
        String status = event.getRefundedAmount() < view.capturedAmount() ? "partially-refunded" : "refunded";
        return withOutcome(view, event.getOperationId(), null, event.getRefundedAt(), status, view.authorizedAmount(),
                view.capturedAmount(), event.getRefundedAmount(), view.authorizationExpiresAt(),
                refund -> refund.id().equals(event.getRefundId()) ? settle(refund, SUCCEEDED, null) : refund);
    }

    static TransactionView refundFailed(TransactionView view, RefundFailedEvent event) {
        return withOutcome(view, event.getOperationId(), event.getErrorCode(), event.getFailedAt(), view.status(),
                view.authorizedAmount(), view.capturedAmount(), view.refundedAmount(), view.authorizationExpiresAt(),
                refund -> refund.id().equals(event.getRefundId()) ? settle(refund, FAILED, event.getErrorCode()) : refund);
    }

    /** The view after an operation's outcome: the operation settled, the status, amounts and last error updated. */
    private static TransactionView withOutcome(TransactionView view, String operationId, String errorCode, Instant at,
            String status, long authorized, long captured, long refunded, Instant expiresAt,
            UnaryOperator<RefundView> refundUpdate) {
        List<OperationView> operations = view.operations().stream().map(op -> op.id().equals(operationId)
                ? new OperationView(op.id(), op.type(), op.gatewayConfigurationId(), op.amount(),
                        errorCode == null ? SUCCEEDED : FAILED, errorCode != null, errorCode, op.createdAt())
                : op).toList();
        return new TransactionView(view.id(), view.projectId(), view.invoiceId(), view.customerId(), view.tokenId(),
                view.cardId(), view.card(), status, view.amount(), view.currency(), authorized, captured, refunded,
                view.gatewayConfigurationId(), errorCode, view.threeDSecureStatus(), view.autoCaptureAt(), expiresAt,
                view.attemptsCount(), operations,
                view.refunds().stream().map(refundUpdate).toList(), view.createdAt(), at, view.gatewayName(),
                view.routingTags());
    }

    private static RefundView settle(RefundView refund, String status, String errorCode) {
        return new RefundView(refund.id(), refund.amount(), refund.reason(), refund.metadata(), status, errorCode,
                refund.createdAt());
    }
}
