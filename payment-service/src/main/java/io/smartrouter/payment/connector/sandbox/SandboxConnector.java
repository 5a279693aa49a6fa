package io.smartrouter.payment.connector.sandbox;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentOperations.DisputeNotice;
import io.smartrouter.payment.connector.PaymentOperations.AuthorizationRequest;
import io.smartrouter.payment.connector.PaymentOperations.CaptureRequest;
import io.smartrouter.payment.connector.PaymentOperations.RefundRequest;
import io.smartrouter.payment.connector.PaymentOperations.VoidRequest;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.money.Money;
import io.smartrouter.platform.web.Blocking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import reactor.core.publisher.Mono;

/**
 * The {@code sandbox} gateway: an in-process PSP that behaves as API.md's test-card table says, so the whole payment
 * flow can be exercised without a real acquirer.
 * <ul>
 * <li>Authorizations are declined for the decline cards ({@code card.stolen} hard, the others soft), answer a 3-D
 * Secure challenge for {@code 4000 0000 0000 0101}, and are approved for every other number. The challenge URL is a
 * path relative to the payment service ({@code /three-d-s/<operation id>}), which will serve that page with the 3-D
 * Secure flow.</li>
 * <li>Captures of a {@code …0010} authorization are declined ({@code gateway.capture-declined}); refunds of a
 * {@code …0077} one are declined ({@code gateway.refund-declined}).</li>
 * <li>The lifecycle cards succeed, and after their first capture the sandbox reports dispute notices one
 * {@code disputeDelay} apart: {@code …0069} a chargeback opened, {@code …0200} a chargeback opened then won,
 * {@code …0309} a retrieval request, {@code …4004} a fraud notification.</li>
 * <li>Like a real PSP it refuses what cannot follow: captures beyond the authorized amount or refunds beyond the
 * captured amount ({@code gateway.amount-exceeded}), a capture after a void or a void after a capture
 * ({@code gateway.invalid-state}), an authorization reference it never issued
 * ({@code gateway.unknown-authorization}). All these declines are soft.</li>
 * </ul>
 * Every operation is recorded under its operation id (the idempotency key) in the sandbox's own tables
 * ({@code SandboxLedger}): a replay answers the first outcome without doing anything again. The JDBC work runs on the
 * bounded-elastic scheduler, never on the caller's thread; a database failure answers
 * {@link OperationOutcome.Unknown}, as a PSP's 5xx would, and the status lookup resolves it later.
 */
public class SandboxConnector implements PaymentConnector {

    public static final String GATEWAY = "sandbox";
    static final String UNKNOWN_AUTHORIZATION = "gateway.unknown-authorization";
    static final String REFERENCE_PREFIX = "sbx_";
    static final String CHALLENGE_PATH = "/three-d-s/";
    static final String AUTHENTICATION_SUFFIX = ".3ds";
    static final String AUTHENTICATION_FAILED = "card.authentication-failed";

    private static final Logger log = LoggerFactory.getLogger(SandboxConnector.class);

    static final Duration DEFAULT_DISPUTE_DELAY = Duration.ofSeconds(5);

    private final SandboxLedger ledger;
    private final Duration disputeDelay;

    public SandboxConnector(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this(jdbc, transactionManager, clock, DEFAULT_DISPUTE_DELAY);
    }

    public SandboxConnector(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
            Duration disputeDelay) {
        this.ledger = new SandboxLedger(jdbc, transactionManager, clock);
        this.disputeDelay = disputeDelay;
    }

    @Override
    public String gateway() {
        return GATEWAY;
    }

    @Override
    public Mono<OperationOutcome> authorize(AuthorizationRequest request) {
        return operation(() -> ledger.once(
                new SandboxOperation(request.operationId(), SandboxOperation.Type.AUTHORIZATION, null, request.amount()),
                () -> {
                    SandboxBehaviour behaviour = SandboxBehaviour.of(request.card().pan());
                    if (behaviour.declinesAuthorization()) {
                        return new OperationOutcome.Declined(behaviour.declineCode(), behaviour.hardDecline());
                    }
                    if (behaviour == SandboxBehaviour.THREE_D_SECURE) {
                        ledger.holdForChallenge(request.operationId(), request.transactionId(),
                                request.card().pan().last4(), request.amount());
                        return new OperationOutcome.ThreeDSecureRequired(CHALLENGE_PATH + request.operationId());
                    }
                    String reference = newReference();
                    ledger.insert(new SandboxAuthorization(reference, behaviour, request.card().pan().last4(),
                            request.amount(), 0, 0, false), request.transactionId());
                    return new OperationOutcome.Approved(reference);
                }));
    }

    @Override
    public Mono<OperationOutcome> capture(CaptureRequest request) {
        return onAuthorization(request.operationId(), SandboxOperation.Type.CAPTURE, request.authorizationReference(),
                request.amount(), authorization -> authorization.captureRefusal(request.amount())
                        .<OperationOutcome>map(SandboxConnector::declined)
                        .orElseGet(() -> {
                            if (authorization.capturedMinor() == 0) {
                                ledger.scheduleDisputes(authorization, request.amount(), disputeDelay);
                            }
                            return approve(authorization.withCapture(request.amount()));
                        }));
    }

    @Override
    public Mono<OperationOutcome> voidAuthorization(VoidRequest request) {
        return onAuthorization(request.operationId(), SandboxOperation.Type.VOID, request.authorizationReference(), null,
                authorization -> authorization.voidRefusal()
                        .<OperationOutcome>map(SandboxConnector::declined)
                        .orElseGet(() -> approve(authorization.asVoided())));
    }

    @Override
    public Mono<OperationOutcome> refund(RefundRequest request) {
        return onAuthorization(request.operationId(), SandboxOperation.Type.REFUND, request.authorizationReference(),
                request.amount(), authorization -> authorization.refundRefusal(request.amount())
                        .<OperationOutcome>map(SandboxConnector::declined)
                        .orElseGet(() -> approve(authorization.withRefund(request.amount()))));
    }

    @Override
    public Mono<Optional<OperationOutcome>> status(String operationId) {
        return Blocking.call(() -> ledger.outcome(operationId));
    }

    /**
     * The customer's challenge result for a held authorization: passed authorizes it (the card behaves as an approving
     * one from then on), failed declines it with {@code card.authentication-failed}. Recorded under
     * {@code <operation id>.3ds}, so a replay answers the same.
     */
    @Override
    public Mono<OperationOutcome> completeAuthentication(String authorizationOperationId, boolean passed) {
        return operation(() -> ledger.challenge(authorizationOperationId)
                .map(held -> ledger.once(new SandboxOperation(authorizationOperationId + AUTHENTICATION_SUFFIX,
                        SandboxOperation.Type.AUTHORIZATION, null, held.amount()), () -> {
                            if (!passed) {
                                return new OperationOutcome.Declined(AUTHENTICATION_FAILED, false);
                            }
                            String reference = newReference();
                            ledger.insert(new SandboxAuthorization(reference, SandboxBehaviour.APPROVE, held.last4(),
                                    held.amount(), 0, 0, false), held.merchantReference());
                            return new OperationOutcome.Approved(reference);
                        }))
                .orElseGet(() -> new OperationOutcome.Declined(UNKNOWN_AUTHORIZATION, false)));
    }

    @Override
    public Mono<List<DisputeNotice>> dueNotices(Instant now, int limit) {
        return Blocking.call(() -> ledger.dueNotices(now, limit));
    }

    @Override
    public Mono<Void> acknowledge(String noticeId) {
        return Blocking.<Void>call(() -> {
            ledger.acknowledge(noticeId);
            return null;
        });
    }

    /** An operation on an existing authorization, decided with that authorization locked. */
    private Mono<OperationOutcome> onAuthorization(String operationId, SandboxOperation.Type type, String reference,
            Money amount, Function<SandboxAuthorization, OperationOutcome> decision) {
        return operation(() -> ledger.once(new SandboxOperation(operationId, type, reference, amount),
                () -> ledger.lock(reference)
                        .map(decision)
                        .orElseGet(() -> new OperationOutcome.Declined(UNKNOWN_AUTHORIZATION, false))));
    }

    private OperationOutcome approve(SandboxAuthorization changed) {
        ledger.update(changed);
        return new OperationOutcome.Approved(newReference());
    }

    private static Mono<OperationOutcome> operation(Callable<OperationOutcome> work) {
        return Blocking.call(work)
                .onErrorResume(error -> error instanceof DataAccessException || error instanceof TransactionException,
                        error -> {
                            // Whether it was recorded is unknown to the caller: the status lookup will tell.
                            log.warn("Sandbox ledger failed: {}", error.getClass().getSimpleName(), error);
                            return Mono.just(new OperationOutcome.Unknown("sandbox.ledger-unavailable"));
                        });
    }

    private static OperationOutcome declined(String code) {
        return new OperationOutcome.Declined(code, false);
    }

    private static String newReference() {
        return Ids.newId(REFERENCE_PREFIX);
    }
}
