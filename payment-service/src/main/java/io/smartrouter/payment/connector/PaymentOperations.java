package io.smartrouter.payment.connector;

import io.smartrouter.platform.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The PSP operations, each a small contract of its own (a connector implements those its PSP supports). Every request
 * carries the operation id as the PSP idempotency key: sending the same operation twice must never do it twice.
 * Implementations never block the caller's thread (PSP calls over HTTP use WebClient with timeouts) and never log
 * card data.
 */
public final class PaymentOperations {

    private PaymentOperations() {
    }

    /** Holds {@code amount} on the card. */
    public interface Authorizer {
        Mono<OperationOutcome> authorize(AuthorizationRequest request);
    }

    /** Captures (part of) an authorization. */
    public interface Capturer {
        Mono<OperationOutcome> capture(CaptureRequest request);
    }

    /** Cancels an uncaptured authorization. */
    public interface Voider {
        Mono<OperationOutcome> voidAuthorization(VoidRequest request);
    }

    /** Refunds (part of) the captured amount. */
    public interface Refunder {
        Mono<OperationOutcome> refund(RefundRequest request);
    }

    /**
     * What the PSP did with an operation sent earlier, by its idempotency key: empty when the PSP never received it.
     * Used to resolve operations left in flight by a crash or a timeout.
     */
    public interface StatusLookup {
        Mono<Optional<OperationOutcome>> status(String operationId);
    }

    /**
     * Continues an authorization that answered {@link OperationOutcome.ThreeDSecureRequired} once the customer passed
     * or failed the challenge: the PSP holds the card meanwhile. Idempotent per authorization operation id.
     */
    public interface ThreeDSecure {
        Mono<OperationOutcome> completeAuthentication(String authorizationOperationId, boolean passed);
    }

    /**
     * Disputes the PSP reports about captured payments, at least once each: the caller records a notice, then
     * acknowledges it; an unacknowledged notice comes again.
     */
    public interface DisputeFeed {
        Mono<List<DisputeNotice>> dueNotices(Instant now, int limit);

        Mono<Void> acknowledge(String noticeId);
    }

    /** The stages of a dispute, in API.md's terms. */
    public enum DisputeStage {
        RETRIEVAL_REQUEST,
        FRAUD_NOTIFICATION,
        CHARGEBACK_OPENED,
        CHARGEBACK_WON,
        CHARGEBACK_LOST;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One dispute notice about the transaction {@code transactionId} (the reference sent with its authorization). */
    public record DisputeNotice(String noticeId, String transactionId, DisputeStage stage, Money amount, Instant at) {
    }

    /** An authorization of {@code amount} with {@code card}; {@code initiationType} is cit or mit. */
    public record AuthorizationRequest(String operationId, String transactionId, Money amount, ConnectorCard card,
            String initiationType) {
    }

    /** A capture of {@code amount} of the authorization the PSP knows as {@code authorizationReference}. */
    public record CaptureRequest(String operationId, String authorizationReference, Money amount) {
    }

    /** A void of the authorization the PSP knows as {@code authorizationReference}. */
    public record VoidRequest(String operationId, String authorizationReference) {
    }

    /** A refund of {@code amount} of the payment the PSP knows as {@code authorizationReference}. */
    public record RefundRequest(String operationId, String authorizationReference, Money amount) {
    }
}
