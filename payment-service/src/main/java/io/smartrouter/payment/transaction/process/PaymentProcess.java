package io.smartrouter.payment.transaction.process;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentConnectors;
import io.smartrouter.payment.connector.PaymentOperations.AuthorizationRequest;
import io.smartrouter.payment.connector.PaymentOperations.CaptureRequest;
import io.smartrouter.payment.connector.PaymentOperations.RefundRequest;
import io.smartrouter.payment.connector.PaymentOperations.VoidRequest;
import io.smartrouter.payment.invoice.KnownInvoice;
import io.smartrouter.payment.invoice.KnownInvoices;
import io.smartrouter.payment.transaction.api.CompleteThreeDSecureCommand;
import io.smartrouter.payment.transaction.api.FailRequestCommand;
import io.smartrouter.payment.transaction.api.FindTransactionQuery;
import io.smartrouter.payment.transaction.api.OperationType;
import io.smartrouter.payment.transaction.api.PaymentErrorCode;
import io.smartrouter.payment.transaction.api.RequestPaymentCommand;
import io.smartrouter.payment.transaction.api.RequireThreeDSecureCommand;
import io.smartrouter.payment.transaction.api.StartOperationCommand;
import io.smartrouter.payment.transaction.api.StartedOperation;
import io.smartrouter.payment.transaction.query.PendingOperations;
import io.smartrouter.payment.transaction.query.TransactionView;
import io.smartrouter.payment.vault.VaultClient;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.schemas.payment.PaymentCard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import reactor.core.publisher.Mono;

/**
 * The payment flows of API.md, each PSP call between two commands on the transaction: the intent (which reserves the
 * amount, so concurrent captures or refunds never exceed what is available) and the outcome. A decline is recorded,
 * then answered 402 with its code. A 3-D Secure challenge leaves the authorization waiting for the customer's result
 * ({@link #completeThreeDSecure}). An unknown outcome (a PSP timeout) leaves the operation in flight, to be resolved
 * with the PSP; it is never guessed.
 */
public class PaymentProcess {

    static final String OPERATION_PREFIX = "tr_op_";
    static final String REFUND_PREFIX = "refd_";

    private final KnownInvoices invoices;
    private final PendingOperations pending;
    private final VaultClient vault;
    private final PaymentConnectors connectors;
    private final String gateway;
    private final Duration pspTimeout;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    public PaymentProcess(KnownInvoices invoices, PendingOperations pending, VaultClient vault,
            PaymentConnectors connectors, String gateway, Duration pspTimeout, CommandGateway commands,
            QueryGateway queries, Clock clock) {
        this.invoices = invoices;
        this.pending = pending;
        this.vault = vault;
        this.connectors = connectors;
        connectors.get(gateway); // fails at start-up when the default gateway has no connector
        this.gateway = gateway;
        this.pspTimeout = pspTimeout;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** Authorizes the invoice with a card token or a customer token; answers the transaction. */
    public Mono<TransactionView> authorize(ProjectContext caller, String invoiceId, String source, Instant autoCaptureAt,
            Map<String, ?> metadata) {
        return invoice(caller, invoiceId)
                .flatMap(invoice -> authorize(caller, invoice, source, autoCaptureAt, metadata))
                .flatMap(transactionId -> view(caller, transactionId));
    }

    /**
     * Captures all or part of the authorization; with a {@code source} and no authorization yet, authorizes and
     * captures the whole amount in one call (a sale).
     */
    public Mono<TransactionView> capture(ProjectContext caller, String invoiceId, String amount, String source,
            Map<String, ?> metadata) {
        return invoice(caller, invoiceId).flatMap(invoice -> {
            Long requested = amount == null ? null : Money.parse(amount, invoice.currency()).minorUnits();
            Mono<String> authorized = invoice.transactionId() != null && source == null
                    ? Mono.just(invoice.transactionId())
                    : authorizedTransaction(caller, invoice, source, metadata);
            return authorized.flatMap(transactionId -> operate(caller, transactionId, Intent.capture(requested),
                    metadata, started -> connector(started).capture(new CaptureRequest(
                            started.operationId(), started.authorizationReference(), money(started))))
                    .thenReturn(transactionId));
        }).flatMap(transactionId -> view(caller, transactionId));
    }

    /** The automatic capture of a transaction's whole remaining authorization, when its {@code auto_capture_at} comes. */
    public Mono<TransactionView> captureAutomatically(String projectId, String transactionId) {
        var system = new ProjectContext(new ProjectId(projectId), KeyType.SERVICE);
        return operate(system, transactionId, Intent.capture(null), Map.of(EventMetadata.PROJECT_ID, projectId),
                started -> connector(started).capture(new CaptureRequest(started.operationId(),
                        started.authorizationReference(), money(started))))
                .then(view(system, transactionId));
    }

    /** Cancels an authorization with nothing captured. */
    public Mono<TransactionView> voidAuthorization(ProjectContext caller, String invoiceId, Map<String, ?> metadata) {
        return existingTransaction(caller, invoiceId)
                .flatMap(transactionId -> operate(caller, transactionId, Intent.voiding(), metadata,
                        started -> connector(started).voidAuthorization(new VoidRequest(started.operationId(),
                                started.authorizationReference())))
                        .thenReturn(transactionId))
                .flatMap(transactionId -> view(caller, transactionId));
    }

    /** Refunds part or all of what was captured; answers the transaction and the new refund's id. */
    public Mono<RefundResult> refund(ProjectContext caller, String invoiceId, String amount, String reason,
            Map<String, String> refundMetadata, Map<String, ?> metadata) {
        String refundId = Ids.newId(REFUND_PREFIX);
        return invoice(caller, invoiceId).flatMap(invoice -> {
            long requested = Money.parse(amount, invoice.currency()).minorUnits();
            return existingTransaction(caller, invoiceId).flatMap(transactionId -> operate(caller, transactionId,
                    Intent.refund(requested, refundId, reason, refundMetadata), metadata,
                    started -> connector(started).refund(new RefundRequest(started.operationId(),
                            started.authorizationReference(), money(started))))
                    .thenReturn(transactionId));
        }).flatMap(transactionId -> view(caller, transactionId)).map(view -> new RefundResult(view, refundId));
    }

    /** A refund's transaction and id. */
    public record RefundResult(TransactionView transaction, String refundId) {
    }

    private Mono<String> authorizedTransaction(ProjectContext caller, KnownInvoice invoice, String source,
            Map<String, ?> metadata) {
        if (source == null) {
            return Mono.error(new ApiException(PaymentErrorCode.NOT_AUTHORIZED,
                    "This invoice has no authorization to capture; give a source to authorize and capture at once"));
        }
        return authorize(caller, invoice, source, null, metadata);
    }

    /** The authorize call's {@code autoCaptureAt} wins over the invoice's. */
    private Mono<String> authorize(ProjectContext caller, KnownInvoice invoice, String source, Instant autoCaptureAt,
            Map<String, ?> metadata) {
        PaymentSources.check(caller, invoice, source);
        return Blocking.call(() -> invoices.transactionOf(invoice)).flatMap(transactionId -> {
            boolean token = source.startsWith(PaymentSources.TOKEN_PREFIX);
            var request = new RequestPaymentCommand(transactionId, caller.projectId(), invoice.invoiceId(),
                    Money.ofMinor(invoice.amountMinor(), invoice.currency()), invoice.initiationType(),
                    token ? null : source, token ? source : null, invoice.customerId(),
                    autoCaptureAt != null ? autoCaptureAt : invoice.autoCaptureAt(), Ids.newId(OPERATION_PREFIX),
                    clock.instant());
            return send(request, metadata)
                    .then(vault.detokenize(caller.projectId(), source, transactionId)
                            .onErrorResume(ApiException.class, refused -> send(new FailRequestCommand(transactionId,
                                    refused.code().type(), refused.getMessage(), clock.instant()), metadata)
                                    .then(Mono.error(refused))))
                    .flatMap(card -> operate(caller, transactionId, Intent.authorization(card.masked()), metadata,
                            started -> connector(started).authorize(
                                    new AuthorizationRequest(started.operationId(), transactionId, money(started),
                                            card.card(), invoice.initiationType()))))
                    .thenReturn(transactionId);
        });
    }

    /** The intent of one operation, before the aggregate decides the amount (a full capture) and reserves it. */
    private record Intent(OperationType type, Long amountMinor, String refundId, String reason,
            Map<String, String> refundMetadata, PaymentCard card) {

        static Intent authorization(PaymentCard card) {
            return new Intent(OperationType.AUTHORIZATION, null, null, null, Map.of(), card);
        }

        static Intent capture(Long amountMinor) {
            return new Intent(OperationType.CAPTURE, amountMinor, null, null, Map.of(), null);
        }

        static Intent voiding() {
            return new Intent(OperationType.VOID, null, null, null, Map.of(), null);
        }

        static Intent refund(long amountMinor, String refundId, String reason, Map<String, String> refundMetadata) {
            return new Intent(OperationType.REFUND, amountMinor, refundId, reason, refundMetadata, null);
        }
    }

    /** Records the intent, calls the PSP outside the aggregate, records the outcome. */
    private Mono<Void> operate(ProjectContext caller, String transactionId, Intent intent, Map<String, ?> metadata,
            Function<StartedOperation, Mono<OperationOutcome>> call) {
        var start = new StartOperationCommand(transactionId, caller.projectId(), Ids.newId(OPERATION_PREFIX),
                intent.type(), intent.amountMinor(), intent.refundId(), intent.reason(), intent.refundMetadata(),
                intent.card(), gateway, clock.instant());
        return send(start, metadata).cast(StartedOperation.class)
                .flatMap(started -> call.apply(started)
                        .timeout(pspTimeout)
                        .onErrorResume(TimeoutException.class, e -> Mono.just(new OperationOutcome.Unknown("timeout")))
                        .flatMap(outcome -> complete(transactionId, started.operationId(), outcome, metadata)));
    }

    private Mono<Void> complete(String transactionId, String operationId, OperationOutcome outcome,
            Map<String, ?> metadata) {
        if (outcome instanceof OperationOutcome.ThreeDSecureRequired challenge) {
            // The authorization waits for the customer; the answer carries the challenge as a customer action.
            return send(new RequireThreeDSecureCommand(transactionId, operationId, challenge.challengeUrl(),
                    clock.instant()), metadata).then();
        }
        var completion = Outcomes.completion(transactionId, operationId, outcome, clock.instant());
        if (completion.isEmpty()) {
            // Unknown: the PSP may have done it. The operation stays in flight, its amount reserved, until the
            // reconciler resolves it with the PSP.
            return Mono.error(new ApiException(PaymentErrorCode.GATEWAY_UNAVAILABLE, "The payment provider did not "
                    + "answer in time; the operation stays pending until its outcome is known"));
        }
        var command = completion.get();
        return send(command, metadata).then(command.approved() ? Mono.empty()
                : Mono.error(new ApiException(PaymentErrorCode.declined(command.errorCode()),
                        "The operation was declined: " + command.errorCode())));
    }

    /**
     * The customer's 3-D Secure result for an authorization waiting for it: recorded, then sent to the PSP, which
     * authorizes or declines; a failed challenge is a 402 {@code card.authentication-failed}.
     */
    public Mono<TransactionView> completeThreeDSecure(ProjectContext caller, String operationId, boolean passed,
            Map<String, ?> metadata) {
        return Blocking.call(() -> pending.find(operationId))
                .flatMap(Mono::justOrEmpty)
                .flatMap(operation -> view(caller, operation.transactionId()).thenReturn(operation))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("three-d-s", operationId)))
                .flatMap(operation -> send(new CompleteThreeDSecureCommand(operation.transactionId(), caller.projectId(),
                        operationId, passed, clock.instant()), metadata)
                        .then(connectors.get(operation.gateway()).completeAuthentication(operationId, passed)
                                .timeout(pspTimeout)
                                .onErrorResume(TimeoutException.class,
                                        e -> Mono.just(new OperationOutcome.Unknown("timeout"))))
                        .flatMap(outcome -> complete(operation.transactionId(), operationId, outcome, metadata))
                        .then(view(caller, operation.transactionId())));
    }

    private PaymentConnector connector(StartedOperation started) {
        return connectors.get(started.gatewayConfigurationId());
    }

    private static Money money(StartedOperation started) {
        return Money.ofMinor(started.amountMinor(), started.currency());
    }

    private Mono<KnownInvoice> invoice(ProjectContext caller, String invoiceId) {
        return Blocking.call(() -> invoices.find(caller.projectId(), invoiceId))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("invoice", invoiceId)));
    }

    private Mono<String> existingTransaction(ProjectContext caller, String invoiceId) {
        return invoice(caller, invoiceId).flatMap(invoice -> invoice.transactionId() == null
                ? Mono.error(new ApiException(PaymentErrorCode.NOT_AUTHORIZED, "This invoice has no transaction yet"))
                : Mono.just(invoice.transactionId()));
    }

    private Mono<Object> send(Object command, Map<String, ?> metadata) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metadata);
        return Blocking.future(() -> commands.send(message));
    }

    private Mono<TransactionView> view(ProjectContext caller, String transactionId) {
        return Blocking.future(() -> queries.query(new FindTransactionQuery(caller.projectId(), transactionId, false),
                        ResponseTypes.optionalInstanceOf(TransactionView.class)))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("transaction", transactionId)));
    }
}
