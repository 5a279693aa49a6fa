package io.smartrouter.payment.transaction.process;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentOperations.AuthorizationRequest;
import io.smartrouter.payment.connector.PaymentOperations.CaptureRequest;
import io.smartrouter.payment.connector.PaymentOperations.RefundRequest;
import io.smartrouter.payment.connector.PaymentOperations.VoidRequest;
import io.smartrouter.payment.gateway.GatewayConnectors;
import io.smartrouter.payment.gateway.query.GatewayConfigurations;
import io.smartrouter.payment.invoice.KnownInvoice;
import io.smartrouter.payment.invoice.KnownInvoices;
import io.smartrouter.payment.routing.AttemptPolicy;
import io.smartrouter.payment.routing.PaymentFacts;
import io.smartrouter.payment.routing.RoutingPlan;
import io.smartrouter.payment.routing.RoutingPlanner;
import io.smartrouter.payment.routing.health.GatewayHealth;
import io.smartrouter.payment.routing.health.GatewayMetrics;
import io.smartrouter.payment.routing.query.RoutingRuleSets;
import io.smartrouter.payment.transaction.api.CompleteOperationCommand;
import io.smartrouter.payment.transaction.api.CompleteThreeDSecureCommand;
import io.smartrouter.payment.transaction.api.CreatePaymentCommand;
import io.smartrouter.payment.transaction.api.EndRoutingCommand;
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
import io.smartrouter.payment.vault.VaultClient.DetokenizedCard;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.Blocking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment flows of API.md, each PSP call between two commands on the transaction: the intent (which reserves the
 * amount, so concurrent captures or refunds never exceed what is available) and the outcome. A decline is recorded,
 * then answered 402 with its code. A 3-D Secure challenge leaves the authorization waiting for the customer's result
 * ({@link #completeThreeDSecure}). An unknown outcome (a PSP timeout) leaves the operation in flight, to be resolved
 * with the PSP; it is never guessed.
 * <p>
 * An authorization is routed ({@link RoutingPlanner}): one attempt per gateway configuration, in the plan's order, each
 * its own operation on the transaction. A gateway whose circuit is open or whose bulkhead is full is skipped at once
 * (and tagged). After each attempt {@link AttemptPolicy} says whether to stop or go on: approved and 3-D Secure stop;
 * hard declines stop everywhere; soft declines and gateway errors go on only as the plan's {@code fallback_on} allows.
 * An attempt whose gateway did not answer stays in flight for the reconciler, which voids it should it turn out
 * approved after another gateway authorized the payment. Captures, voids and refunds go to the authorizing attempt's
 * configuration (the aggregate knows it).
 */
public class PaymentProcess {

    static final String OPERATION_PREFIX = "tr_op_";
    static final String REFUND_PREFIX = "refd_";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KnownInvoices invoices;
    private final PendingOperations pending;
    private final VaultClient vault;
    private final Routing routing;
    private final OperationKeys operationKeys;
    private final Duration pspTimeout;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    public PaymentProcess(KnownInvoices invoices, PendingOperations pending, VaultClient vault, Routing routing,
            OperationKeys operationKeys, Duration pspTimeout, CommandGateway commands, QueryGateway queries, Clock clock) {
        this.invoices = invoices;
        this.pending = pending;
        this.vault = vault;
        this.routing = routing;
        this.operationKeys = operationKeys;
        this.pspTimeout = pspTimeout;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** What routing needs: the rules and configurations, the planner, the connectors, gateway health and metrics. */
    public record Routing(RoutingRuleSets rules, GatewayConfigurations configurations, RoutingPlanner planner,
            GatewayConnectors connectors, GatewayHealth health, GatewayMetrics metrics) {
    }

    /**
     * Authorizes the invoice with a card token or a customer token; answers the transaction. With the merchant's
     * {@code idempotencyKey}, the key names the transaction ({@link OperationKeys}): a retry whose first try's answer
     * was lost answers that transaction as it stands (authorized, waiting for 3-D Secure, or the same decline) instead
     * of being refused because the invoice is authorized already.
     */
    public Mono<TransactionView> authorize(ProjectContext caller, String invoiceId, String source, Instant autoCaptureAt,
            String idempotencyKey, Map<String, ?> metadata) {
        return invoice(caller, invoiceId).flatMap(invoice -> authorizeOnce(caller, invoice, source, autoCaptureAt,
                idempotencyKey, metadata));
    }

    /**
     * Captures all or part of the authorization; with a {@code source} and no authorization yet, authorizes and
     * captures the whole amount in one call (a sale). With the merchant's {@code idempotencyKey}, the key names the
     * capture operation ({@link OperationKeys}): a retry answers that capture as it stands and never captures twice.
     */
    public Mono<TransactionView> capture(ProjectContext caller, String invoiceId, String amount, String source,
            String idempotencyKey, Map<String, ?> metadata) {
        return keyedId(caller, invoiceId, idempotencyKey, OPERATION_PREFIX).flatMap(operationId -> invoice(caller, invoiceId)
                .flatMap(invoice -> earlier(caller, idempotencyKey, invoice, view -> operationOf(view, operationId))
                        .switchIfEmpty(Mono.defer(() -> {
                            Long requested = amount == null ? null : Money.parse(amount, invoice.currency()).minorUnits();
                            Mono<String> authorized = invoice.transactionId() != null && source == null
                                    ? Mono.just(invoice.transactionId())
                                    : authorizedTransaction(caller, invoice, source, idempotencyKey, metadata);
                            return authorized.flatMap(transactionId -> operate(caller, transactionId,
                                    Intent.capture(operationId, requested), metadata, started -> started.connector()
                                            .capture(new CaptureRequest(started.operationId(),
                                                    started.authorizationReference(), money(started.operation()))))
                                    .then(view(caller, transactionId)));
                        }))));
    }

    /** The automatic capture of a transaction's whole remaining authorization, when its {@code auto_capture_at} comes. */
    public Mono<TransactionView> captureAutomatically(String projectId, String transactionId) {
        var system = new ProjectContext(new ProjectId(projectId), KeyType.SERVICE);
        return operate(system, transactionId, Intent.capture(Ids.newId(OPERATION_PREFIX), null),
                Map.of(EventMetadata.PROJECT_ID, projectId),
                started -> started.connector().capture(new CaptureRequest(started.operationId(),
                        started.authorizationReference(), money(started.operation()))))
                .then(view(system, transactionId));
    }

    /** Cancels an authorization with nothing captured. */
    public Mono<TransactionView> voidAuthorization(ProjectContext caller, String invoiceId, Map<String, ?> metadata) {
        return existingTransaction(caller, invoiceId)
                .flatMap(transactionId -> operate(caller, transactionId, Intent.voiding(), metadata,
                        started -> started.connector().voidAuthorization(new VoidRequest(started.operationId(),
                                started.authorizationReference())))
                        .thenReturn(transactionId))
                .flatMap(transactionId -> view(caller, transactionId));
    }

    /**
     * Refunds part or all of what was captured; answers the transaction and the new refund's id. With the merchant's
     * {@code idempotencyKey}, the key names the refund ({@link OperationKeys}): a retry answers that refund as it
     * stands and never refunds twice.
     */
    public Mono<RefundResult> refund(ProjectContext caller, String invoiceId, String amount, String reason,
            Map<String, String> refundMetadata, String idempotencyKey, Map<String, ?> metadata) {
        return keyedId(caller, invoiceId, idempotencyKey, REFUND_PREFIX).flatMap(refundId -> invoice(caller, invoiceId)
                .flatMap(invoice -> earlier(caller, idempotencyKey, invoice, view -> refundOf(view, refundId))
                        .switchIfEmpty(Mono.defer(() -> {
                            long requested = Money.parse(amount, invoice.currency()).minorUnits();
                            return existingTransaction(caller, invoiceId).flatMap(transactionId -> operate(caller,
                                    transactionId, Intent.refund(requested, refundId, reason, refundMetadata), metadata,
                                    started -> started.connector().refund(new RefundRequest(started.operationId(),
                                            started.authorizationReference(), money(started.operation()))))
                                    .then(view(caller, transactionId)));
                        })))
                .map(view -> new RefundResult(view, refundId)));
    }

    /** The id a merchant's idempotency key names ({@link OperationKeys}); without a key, a new one. */
    private Mono<String> keyedId(ProjectContext caller, String invoiceId, String idempotencyKey, String prefix) {
        return idempotencyKey == null ? Mono.fromSupplier(() -> Ids.newId(prefix))
                : Blocking.call(() -> operationKeys.idFor(caller.projectId(), invoiceId, idempotencyKey, prefix));
    }

    /** What became of the operation a keyed request already started, read as {@code status} and error code. */
    private record Earlier(String status, String errorCode) {
    }

    /**
     * The answer to a request made before with the same idempotency key, if its operation exists on the invoice's
     * transaction: done is answered again, declined is its decline, still in flight is a 409. Empty when it does not
     * exist (the request is new, or its first try never started the operation) and, without a key, at once.
     */
    private Mono<TransactionView> earlier(ProjectContext caller, String idempotencyKey, KnownInvoice invoice,
            Function<TransactionView, Optional<Earlier>> find) {
        if (idempotencyKey == null || invoice.transactionId() == null) {
            return Mono.empty();
        }
        return view(caller, invoice.transactionId()).flatMap(view -> find.apply(view).map(done -> switch (done.status()) {
            case "succeeded" -> Mono.just(view);
            case "failed" -> Mono.<TransactionView>error(new ApiException(PaymentErrorCode.declined(done.errorCode()),
                    "The operation was declined: " + done.errorCode()));
            default -> Mono.<TransactionView>error(new ApiException(PaymentErrorCode.IN_PROGRESS,
                    "This operation is still in progress"));
        }).orElse(Mono.empty()));
    }

    private static Optional<Earlier> operationOf(TransactionView view, String operationId) {
        return view.operations().stream().filter(operation -> operation.id().equals(operationId)).findFirst()
                .map(operation -> new Earlier(operation.status(), operation.errorCode()));
    }

    private static Optional<Earlier> refundOf(TransactionView view, String refundId) {
        return view.refunds().stream().filter(refund -> refund.id().equals(refundId)).findFirst()
                .map(refund -> new Earlier(refund.status(), refund.errorCode()));
    }

    /** A refund's transaction and id. */
    public record RefundResult(TransactionView transaction, String refundId) {
    }

    /**
     * A sale's authorization; its key names the transaction as an authorization's does ({@link #authorizeOnce}), so a
     * retry whose first try authorized but never got to the capture captures that authorization next. Any other
     * transaction on the invoice is refused as before.
     */
    private Mono<String> authorizedTransaction(ProjectContext caller, KnownInvoice invoice, String source,
            String idempotencyKey, Map<String, ?> metadata) {
        if (source == null) {
            return Mono.error(new ApiException(PaymentErrorCode.NOT_AUTHORIZED,
                    "This invoice has no authorization to capture; give a source to authorize and capture at once"));
        }
        return authorizeOnce(caller, invoice, source, null, idempotencyKey, metadata).map(TransactionView::id);
    }

    /**
     * The transaction the merchant's {@code idempotencyKey} names ({@link OperationKeys}; without a key, a new id):
     * when the invoice already has it, a retry's first try made it, and it is answered as it stands — unless that try
     * failed before any PSP decided (the vault unreachable or refusing, no gateway able to take it, the PSP never
     * received it), which is no answer to repeat: then it is tried again, as any new attempt after a failure. Else
     * authorized under that id. The authorize call's {@code autoCaptureAt} wins over the invoice's.
     */
    private Mono<TransactionView> authorizeOnce(ProjectContext caller, KnownInvoice invoice, String source,
            Instant autoCaptureAt, String idempotencyKey, Map<String, ?> metadata) {
        return keyedId(caller, invoice.invoiceId(), idempotencyKey, KnownInvoices.TRANSACTION_PREFIX).flatMap(keyed -> {
            Mono<TransactionView> attempt = Mono.defer(() -> authorize(caller, invoice, source, autoCaptureAt, metadata,
                    keyed));
            return !keyed.equals(invoice.transactionId()) ? attempt
                    : view(caller, keyed).flatMap(first -> failedBeforeAnyDecision(first) ? attempt : settled(first));
        });
    }

    /**
     * Failed without any PSP's decision: no gateway could take it, the PSP never received its last attempt (the
     * reconciler's answer after a crash before the call), or no attempt was made (the source refused).
     */
    private static boolean failedBeforeAnyDecision(TransactionView transaction) {
        String authorization = OperationType.AUTHORIZATION.wire();
        return transaction.status().equals("failed") && (Outcomes.GATEWAY_UNAVAILABLE.equals(transaction.errorCode())
                || OperationReconciler.NOT_RECEIVED.equals(transaction.errorCode())
                || transaction.operations().stream().noneMatch(operation -> operation.type().equals(authorization)));
    }

    /**
     * As above, with the id a new transaction gets ({@code candidate}; an existing one keeps its own). A new
     * transaction is recorded with its first attempt, after the vault and routing ({@link Request}): one durable step
     * fewer before the PSP. A new attempt on an existing transaction (after a failed one) is recorded first, so that
     * the aggregate's refusal (authorized already, in progress) never spends the source.
     */
    private Mono<TransactionView> authorize(ProjectContext caller, KnownInvoice invoice, String source, Instant autoCaptureAt,
            Map<String, ?> metadata, String candidate) {
        PaymentSources.check(caller, invoice, source);
        boolean token = source.startsWith(PaymentSources.TOKEN_PREFIX);
        String transactionId = invoice.transactionId() != null ? invoice.transactionId() : candidate;
        var request = new Request(invoice, new RequestPaymentCommand(transactionId, caller.projectId(),
                invoice.invoiceId(), Money.ofMinor(invoice.amountMinor(), invoice.currency()), invoice.initiationType(),
                token ? null : source, token ? source : null, invoice.customerId(),
                autoCaptureAt != null ? autoCaptureAt : invoice.autoCaptureAt(), Ids.newId(OPERATION_PREFIX),
                clock.instant(), null), metadata);
        Mono<Void> existing = invoice.transactionId() == null ? Mono.empty() : request.alone();
        return existing.then(Mono.defer(() -> vault.detokenize(caller.projectId(), source, transactionId))
                        .onErrorResume(ApiException.class, refused -> request.alone()
                                .then(send(new FailRequestCommand(transactionId, refused.code().type(),
                                        refused.getMessage(), clock.instant()), metadata))
                                .then(Mono.error(refused))))
                .flatMap(card -> plan(caller, invoice, card)
                        .flatMap(plan -> attempt(new Attempts(caller, transactionId, invoice, card, plan,
                                new ArrayList<>(plan.tags()), metadata, request), 0, null)))
                .then(Mono.defer(() -> settled(caller, transactionId)));
    }

    /**
     * A transaction's request, sent once: with the first attempt the router makes ({@link #withAttempt}), or alone
     * when no attempt is made (the source refused, no gateway able to take it) or the transaction exists already.
     */
    private final class Request {

        private final KnownInvoice invoice;
        private final RequestPaymentCommand command;
        private final Map<String, ?> metadata;
        private volatile boolean sent;

        Request(KnownInvoice invoice, RequestPaymentCommand command, Map<String, ?> metadata) {
            this.invoice = invoice;
            this.command = command;
            this.metadata = metadata;
        }

        /** The attempt's start: with the request when it was not sent yet, else on its own. */
        Mono<Object> withAttempt(StartOperationCommand attempt) {
            return Mono.defer(() -> sent ? send(attempt, metadata) : sendOnce(command.withFirstAttempt(attempt)));
        }

        /** The request without an attempt, unless sent already. */
        Mono<Void> alone() {
            return Mono.defer(() -> sent ? Mono.empty() : sendOnce(command).then());
        }

        private Mono<Object> sendOnce(RequestPaymentCommand request) {
            return Blocking.call(() -> {
                Object[] answer = new Object[1];
                if (!invoices.withTransaction(invoice, request.transactionId(),
                        () -> answer[0] = commands.sendAndWait(message(new CreatePaymentCommand(request), metadata)),
                        () -> answer[0] = commands.sendAndWait(message(request, metadata)))) {
                    throw new ApiException(PaymentErrorCode.IN_PROGRESS, "An authorization of this invoice is in progress");
                }
                sent = true;
                return Optional.ofNullable(answer[0]);
            }).flatMap(Mono::justOrEmpty);
        }
    }

    /** One request's routing: the plan, and the routing tags so far (skipped gateways are added as they are met). */
    private record Attempts(ProjectContext caller, String transactionId, KnownInvoice invoice, DetokenizedCard card,
            RoutingPlan plan, List<String> tags, Map<String, ?> metadata, Request request) {
    }

    private Mono<RoutingPlan> plan(ProjectContext caller, KnownInvoice invoice, DetokenizedCard card) {
        var masked = card.masked();
        var facts = new PaymentFacts(Money.ofMinor(invoice.amountMinor(), invoice.currency()), masked.getScheme(),
                masked.getCountryCode(), masked.getType(), invoice.initiationType(), metadataOf(invoice));
        String project = caller.projectId().value();
        return Blocking.call(() -> routing.planner().plan(caller.projectId(), facts, routing.rules().rules(project),
                routing.configurations().list(project)));
    }

    /**
     * The attempt on the plan's choice {@code index}: skipped at once when its gateway is unhealthy, else an
     * authorization operation; then the next one, as {@link AttemptPolicy} allows.
     */
    private Mono<Void> attempt(Attempts attempts, int index, String lastError) {
        List<RoutingPlan.Choice> choices = attempts.plan().choices();
        if (index >= choices.size()) {
            return attempts.request().alone().then(send(new EndRoutingCommand(attempts.transactionId(),
                    lastError == null ? Outcomes.GATEWAY_UNAVAILABLE : lastError, clock.instant()),
                    attempts.metadata())).then();
        }
        RoutingPlan.Choice choice = choices.get(index);
        return Blocking.call(() -> routing.connectors().find(choice.gatewayConfigurationId()))
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return skip(attempts, index, lastError, choice, "no-connector");
                    }
                    var admission = routing.health().admit(choice.gatewayConfigurationId());
                    if (admission instanceof GatewayHealth.Refused refused) {
                        return skip(attempts, index, lastError, choice, refused.reason());
                    }
                    return call(attempts, index, choice, found.get().connector(), (GatewayHealth.Permit) admission);
                });
    }

    private Mono<Void> skip(Attempts attempts, int index, String lastError, RoutingPlan.Choice choice, String reason) {
        routing.metrics().recordSkip(choice.gatewayConfigurationId(), reason);
        attempts.tags().add("skipped:" + choice.gatewayConfigurationId() + ":" + reason);
        return attempt(attempts, index + 1, lastError == null ? Outcomes.GATEWAY_UNAVAILABLE : lastError);
    }

    private Mono<Void> call(Attempts attempts, int index, RoutingPlan.Choice choice, PaymentConnector connector,
            GatewayHealth.Permit permit) {
        String transactionId = attempts.transactionId();
        var start = new StartOperationCommand(transactionId, attempts.caller().projectId(),
                Ids.newId(OPERATION_PREFIX), OperationType.AUTHORIZATION, null, null, null, Map.of(),
                attempts.card().masked(), choice.gatewayConfigurationId(), choice.gateway(), null, attempts.tags(),
                clock.instant());
        long[] startedAt = new long[1];
        return attempts.request().withAttempt(start)
                .doOnError(refused -> permit.release())
                .cast(StartedOperation.class)
                .flatMap(started -> Mono.fromRunnable(() -> startedAt[0] = System.nanoTime())
                        .then(connector.authorize(new AuthorizationRequest(started.operationId(), transactionId,
                                money(started), attempts.card().card(), attempts.invoice().initiationType())))
                        .timeout(pspTimeout)
                        .onErrorResume(TimeoutException.class, e -> Mono.just(new OperationOutcome.Unknown("timeout")))
                        .flatMap(outcome -> {
                            Duration took = Duration.ofNanos(System.nanoTime() - startedAt[0]);
                            permit.record(outcome, took);
                            routing.metrics().recordCall(choice.gatewayConfigurationId(), choice.gateway(),
                                    OperationType.AUTHORIZATION.wire(), outcome, took);
                            var next = AttemptPolicy.after(outcome, attempts.plan().fallbackOn(),
                                    attempts.card().masked().getScheme());
                            boolean goOn = next == AttemptPolicy.Next.NEXT;
                            boolean mayFallBack = goOn && index + 1 < attempts.plan().choices().size();
                            return completeAttempt(transactionId, started.operationId(), outcome, mayFallBack,
                                    attempts.metadata())
                                    .then(Mono.defer(() -> goOn ? attempt(attempts, index + 1, errorCode(outcome))
                                            : next == AttemptPolicy.Next.STOP && !mayFallBack
                                                    && outcome instanceof OperationOutcome.Unknown
                                                    ? send(new EndRoutingCommand(transactionId, errorCode(outcome),
                                                            clock.instant()), attempts.metadata()).then()
                                                    : Mono.<Void>empty()));
                        }));
    }

    /** An attempt's outcome recorded: a 3-D Secure challenge waits; an unknown one stays in flight (nothing sent). */
    private Mono<Void> completeAttempt(String transactionId, String operationId, OperationOutcome outcome,
            boolean mayFallBack, Map<String, ?> metadata) {
        if (outcome instanceof OperationOutcome.ThreeDSecureRequired challenge) {
            return send(new RequireThreeDSecureCommand(transactionId, operationId, challenge.challengeUrl(),
                    clock.instant()), metadata).then();
        }
        return Outcomes.completion(transactionId, operationId, outcome, clock.instant())
                .map(done -> send(new CompleteOperationCommand(done.transactionId(), done.operationId(),
                        done.approved(), done.reference(), done.errorCode(), done.at(), mayFallBack), metadata).then())
                .orElse(Mono.empty());
    }

    private static String errorCode(OperationOutcome outcome) {
        if (outcome instanceof OperationOutcome.Declined declined) {
            return declined.code();
        }
        return outcome instanceof OperationOutcome.Unknown ? "gateway.timeout" : Outcomes.GATEWAY_UNAVAILABLE;
    }

    /**
     * The request's answer once routing is over, from the transaction itself (the reconciler may have resolved an
     * earlier attempt meanwhile): authorized or waiting for 3-D Secure is a success; failed is its decline (402) or
     * 502 when no gateway could take it; still pending means an attempt's outcome is unknown (502, resolved later).
     */
    private Mono<TransactionView> settled(ProjectContext caller, String transactionId) {
        return view(caller, transactionId).flatMap(PaymentProcess::settled);
    }

    private static Mono<TransactionView> settled(TransactionView view) {
        if (view.status().equals("failed")) {
            String code = view.errorCode();
            return Mono.error(Outcomes.GATEWAY_UNAVAILABLE.equals(code)
                    ? new ApiException(PaymentErrorCode.GATEWAY_UNAVAILABLE, "No payment provider could take the "
                            + "payment now")
                    : new ApiException(PaymentErrorCode.declined(code), "The operation was declined: " + code));
        }
        if (view.status().equals("pending") && !"challenge-required".equals(view.threeDSecureStatus())) {
            return Mono.error(new ApiException(PaymentErrorCode.GATEWAY_UNAVAILABLE, "The payment provider did "
                    + "not answer in time; the operation stays pending until its outcome is known"));
        }
        return Mono.just(view);
    }

    private static Map<String, String> metadataOf(KnownInvoice invoice) {
        return invoice.metadataJson() == null ? Map.of()
                : JSON.readValue(invoice.metadataJson(), new TypeReference<Map<String, String>>() { });
    }

    /** The intent of one operation, before the aggregate decides the amount (a full capture) and reserves it. */
    private record Intent(String operationId, OperationType type, Long amountMinor, String refundId, String reason,
            Map<String, String> refundMetadata) {

        static Intent capture(String operationId, Long amountMinor) {
            return new Intent(operationId, OperationType.CAPTURE, amountMinor, null, null, Map.of());
        }

        static Intent voiding() {
            return new Intent(Ids.newId(OPERATION_PREFIX), OperationType.VOID, null, null, null, Map.of());
        }

        static Intent refund(long amountMinor, String refundId, String reason, Map<String, String> refundMetadata) {
            return new Intent(Ids.newId(OPERATION_PREFIX), OperationType.REFUND, amountMinor, refundId, reason,
                    refundMetadata);
        }
    }

    /** Records the intent, calls the PSP outside the aggregate, records the outcome. */
    private Mono<Void> operate(ProjectContext caller, String transactionId, Intent intent, Map<String, ?> metadata,
            Function<Started, Mono<OperationOutcome>> call) {
        var start = new StartOperationCommand(transactionId, caller.projectId(), intent.operationId(), intent.type(),
                intent.amountMinor(), intent.refundId(), intent.reason(), intent.refundMetadata(), null, null,
                clock.instant());
        return send(start, metadata).cast(StartedOperation.class)
                .flatMap(started -> Blocking.call(() -> routing.connectors().get(started.gatewayConfigurationId()))
                        .flatMap(connector -> {
                            long startedAt = System.nanoTime();
                            return call.apply(new Started(started, connector))
                                    .timeout(pspTimeout)
                                    .onErrorResume(TimeoutException.class,
                                            e -> Mono.just(new OperationOutcome.Unknown("timeout")))
                                    .doOnNext(outcome -> routing.metrics().recordCall(started.gatewayConfigurationId(),
                                            null, intent.type().wire(), outcome,
                                            Duration.ofNanos(System.nanoTime() - startedAt)));
                        })
                        .flatMap(outcome -> complete(transactionId, started.operationId(), outcome, metadata)));
    }

    /** A started operation and the connector of its gateway configuration. */
    private record Started(StartedOperation operation, PaymentConnector connector) {

        String operationId() {
            return operation.operationId();
        }

        String authorizationReference() {
            return operation.authorizationReference();
        }
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
                        .then(Blocking.call(() -> routing.connectors().get(operation.gateway())))
                        .flatMap(connector -> connector.completeAuthentication(operationId, passed)
                                .timeout(pspTimeout)
                                .onErrorResume(TimeoutException.class,
                                        e -> Mono.just(new OperationOutcome.Unknown("timeout"))))
                        .flatMap(outcome -> complete(operation.transactionId(), operationId, outcome, metadata))
                        .then(view(caller, operation.transactionId())));
    }

    private static Money money(StartedOperation started) {
        return Money.ofMinor(started.amountMinor(), started.currency());
    }

    private Mono<KnownInvoice> invoice(ProjectContext caller, String invoiceId) {
        return Blocking.call(() -> invoices.get(caller.projectId(), invoiceId));
    }

    private Mono<String> existingTransaction(ProjectContext caller, String invoiceId) {
        return invoice(caller, invoiceId).flatMap(invoice -> invoice.transactionId() == null
                ? Mono.error(new ApiException(PaymentErrorCode.NOT_AUTHORIZED, "This invoice has no transaction yet"))
                : Mono.just(invoice.transactionId()));
    }

    private Mono<Object> send(Object command, Map<String, ?> metadata) {
        return Blocking.future(() -> commands.send(message(command, metadata)));
    }

    private static CommandMessage<Object> message(Object command, Map<String, ?> metadata) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(metadata);
    }

    private Mono<TransactionView> view(ProjectContext caller, String transactionId) {
        return Blocking.future(() -> queries.query(new FindTransactionQuery(caller.projectId(), transactionId, false),
                        ResponseTypes.optionalInstanceOf(TransactionView.class)))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("transaction", transactionId)));
    }
}
