package io.smartrouter.payment.transaction.process;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentOperations.CaptureRequest;
import io.smartrouter.payment.connector.PaymentOperations.RefundRequest;
import io.smartrouter.payment.connector.PaymentOperations.VoidRequest;
import io.smartrouter.payment.gateway.GatewayConnectors;
import io.smartrouter.payment.transaction.api.CompleteOperationCommand;
import io.smartrouter.payment.transaction.api.FailRequestCommand;
import io.smartrouter.payment.transaction.api.OperationType;
import io.smartrouter.payment.transaction.api.StartOperationCommand;
import io.smartrouter.payment.transaction.api.StartedOperation;
import io.smartrouter.payment.transaction.query.PendingOperation;
import io.smartrouter.payment.transaction.query.PendingOperations;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * Resolves operations left in flight by a crash or a PSP timeout, by asking the PSP, never by guessing. For each
 * operation older than the grace period: if the PSP knows it (status lookup by its idempotency key), its outcome is
 * recorded; if not, the PSP never received it, so a capture, void or refund is sent again with the same idempotency
 * key, and an authorization (whose card data is gone) is recorded as failed with {@code gateway.not-received}, as is a
 * request that never got as far as an authorization. An outcome still unknown is left for the next round; an
 * authorization waiting for the customer's 3-D Secure challenge is left until the challenge times out. An
 * authorization attempt that turns out approved after another gateway authorized the transaction is voided on its own
 * gateway ({@link #voidLate}): no silent double authorization.
 */
public class OperationReconciler {

    static final String NOT_RECEIVED = "gateway.not-received";
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(OperationReconciler.class);

    private final PendingOperations pending;
    private final GatewayConnectors connectors;
    private final CommandGateway commands;
    private final Duration grace;
    private final Duration pspTimeout;
    private final Duration threeDSecureTimeout;
    private final Clock clock;

    public OperationReconciler(PendingOperations pending, GatewayConnectors connectors, CommandGateway commands,
            Duration grace, Duration pspTimeout, Duration threeDSecureTimeout, Clock clock) {
        this.threeDSecureTimeout = threeDSecureTimeout;
        this.pending = pending;
        this.connectors = connectors;
        this.commands = commands;
        this.grace = grace;
        this.pspTimeout = pspTimeout;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${smartrouter.payment.reconcile-every:10s}",
            fixedDelayString = "${smartrouter.payment.reconcile-every:10s}")
    void reconcileStale() {
        reconcile(grace);
    }

    /** Resolves the operations started more than {@code olderThan} ago; answers how many were resolved. */
    public int reconcile(Duration olderThan) {
        int resolved = 0;
        for (PendingOperation operation : pending.startedBefore(clock.instant().minus(olderThan), BATCH)) {
            try {
                if (resolve(operation)) {
                    resolved++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not resolve operation {} of transaction {} yet: {}", operation.operationId(),
                        operation.transactionId(), e.getMessage());
            }
        }
        return resolved;
    }

    private boolean resolve(PendingOperation operation) {
        if (operation.type().equals(PendingOperations.REQUEST)) {
            commands.sendAndWait(new FailRequestCommand(operation.transactionId(), NOT_RECEIVED,
                    "The authorization never reached the payment provider", clock.instant()));
            pending.forget(operation.operationId());
            log.info("Dealt with the abandoned request of transaction {}", operation.transactionId());
            return true;
        }
        PaymentConnector connector = connectors.find(operation.gateway()).map(GatewayConnectors.Connected::connector)
                .orElse(null);
        if (connector == null) {
            log.warn("Operation {} is in flight on gateway {}, which has no connector", operation.operationId(),
                    operation.gateway());
            return false;
        }
        if (operation.type().equals(PendingOperations.LATE_AUTHORIZATION)) {
            return voidLate(connector, operation);
        }
        Optional<OperationOutcome> known = connector.status(operation.operationId()).block(pspTimeout);
        OperationOutcome outcome = known != null && known.isPresent() ? known.get() : resend(connector, operation);
        if (outcome instanceof OperationOutcome.ThreeDSecureRequired) {
            if (operation.startedAt().isAfter(clock.instant().minus(threeDSecureTimeout))) {
                return false;
            }
            // The customer never completed the challenge: the authorization is abandoned.
            outcome = new OperationOutcome.Declined(Outcomes.THREE_D_S_ABANDONED, false);
        }
        Optional<CompleteOperationCommand> completion = Outcomes.completion(operation.transactionId(),
                operation.operationId(), outcome, clock.instant());
        completion.ifPresent(commands::sendAndWait);
        completion.ifPresent(command -> log.info("Resolved operation {} of transaction {} with the PSP: {}",
                operation.operationId(), operation.transactionId(), command.approved() ? "approved" : command.errorCode()));
        return completion.isPresent();
    }

    /**
     * Voids an authorization attempt that came back approved after the transaction was authorized on another gateway:
     * a void operation of its own (intent, PSP call on that attempt's gateway and reference, outcome), so the card is
     * never held twice. A void left unknown is resolved like any operation in flight; a refused one is tried again.
     */
    private boolean voidLate(PaymentConnector connector, PendingOperation late) {
        StartedOperation started;
        try {
            started = commands.sendAndWait(new StartOperationCommand(late.transactionId(), null,
                    Ids.newId(PaymentProcess.OPERATION_PREFIX), OperationType.VOID, null, null, null, Map.of(), null,
                    null, null, late.operationId(), null, clock.instant()));
        } catch (CommandExecutionException e) {
            return false; // a void of it is already in flight
        }
        OperationOutcome outcome = connector.voidAuthorization(new VoidRequest(started.operationId(),
                started.authorizationReference())).block(pspTimeout);
        Optional<CompleteOperationCommand> completion = Outcomes.completion(late.transactionId(),
                started.operationId(), outcome, clock.instant());
        completion.ifPresent(commands::sendAndWait);
        log.info("Voided the late authorization {} of transaction {} on {}: {}", late.operationId(),
                late.transactionId(), late.gateway(), completion.map(done -> done.approved() ? "voided"
                        : done.errorCode()).orElse("outcome unknown, left in flight"));
        return completion.map(CompleteOperationCommand::approved).orElse(false);
    }

    private OperationOutcome resend(PaymentConnector connector, PendingOperation operation) {
        Money amount = Money.ofMinor(operation.amountMinor(), operation.currency());
        Mono<OperationOutcome> again = switch (OperationType.fromWire(operation.type())) {
            case AUTHORIZATION -> Mono.just(new OperationOutcome.Declined(NOT_RECEIVED, false));
            case CAPTURE -> connector.capture(new CaptureRequest(operation.operationId(),
                    operation.authorizationReference(), amount));
            case VOID -> connector.voidAuthorization(new VoidRequest(operation.operationId(),
                    operation.authorizationReference()));
            case REFUND -> connector.refund(new RefundRequest(operation.operationId(),
                    operation.authorizationReference(), amount));
        };
        return again.block(pspTimeout);
    }
}
