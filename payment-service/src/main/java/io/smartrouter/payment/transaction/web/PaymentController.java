package io.smartrouter.payment.transaction.web;

import io.smartrouter.payment.config.PaymentProperties;
import io.smartrouter.payment.transaction.api.FindTransactionQuery;
import io.smartrouter.payment.transaction.api.ListTransactionsQuery;
import io.smartrouter.payment.transaction.api.PaymentErrorCode;
import io.smartrouter.payment.transaction.process.PaymentProcess;
import io.smartrouter.payment.transaction.query.TransactionPage;
import io.smartrouter.payment.transaction.query.TransactionView;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.platform.web.IdempotencyKeys;
import io.smartrouter.platform.web.PageParameters;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The payment calls of API.md on an invoice, and the transactions. Only authorize may use the public key (with a card
 * token; {@code PaymentSources} checks it); every other call needs the secret key.
 */
@RestController
class PaymentController {

    /** The merchant's key: the gateway's, which here also names a capture or a refund ({@code OperationKeys}). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PaymentProcess payments;
    private final QueryGateway queries;
    private final Clock clock;
    private final String publicUrl;

    PaymentController(PaymentProcess payments, QueryGateway queries, Clock clock, PaymentProperties properties) {
        this.payments = payments;
        this.queries = queries;
        this.clock = clock;
        this.publicUrl = properties.publicUrl();
    }

    @PostMapping(path = "/invoices/{invoiceId}/authorize", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> authorize(@PathVariable String invoiceId, @RequestBody AuthorizeRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            ProjectContext caller, ServerWebExchange exchange) {
        return requireInvoiceId(invoiceId)
                .then(Mono.defer(() -> payments.authorize(caller, invoiceId, request.source(),
                        request.validAutoCaptureAt(clock.instant()), validKey(idempotencyKey),
                        EventMetadata.forRequest(exchange, caller))))
                .map(view -> {
                    Map<String, Object> body = transaction(view);
                    ThreeDSecureController.challengeOf(view).ifPresent(operationId -> body.put("customer_action",
                            Map.of("type", "redirect", "value", ThreeDSecureController.link(publicUrl, operationId, caller))));
                    return body;
                });
    }

    @PostMapping(path = "/invoices/{invoiceId}/capture", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> capture(@PathVariable String invoiceId, @RequestBody CaptureRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        return requireInvoiceId(invoiceId)
                .then(payments.capture(caller, invoiceId, request.amount(), request.source(), validKey(idempotencyKey),
                        EventMetadata.forRequest(exchange, caller)))
                .map(PaymentController::transaction);
    }

    @PostMapping(path = "/invoices/{invoiceId}/void", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> voidAuthorization(@PathVariable String invoiceId, ProjectContext caller,
            ServerWebExchange exchange) {
        caller.requireSecretKey();
        return requireInvoiceId(invoiceId)
                .then(payments.voidAuthorization(caller, invoiceId, EventMetadata.forRequest(exchange, caller)))
                .map(PaymentController::transaction);
    }

    @PostMapping(path = "/invoices/{invoiceId}/refunds", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> refund(@PathVariable String invoiceId, @RequestBody RefundRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        String amount = request.validAmount();
        return requireInvoiceId(invoiceId)
                .then(payments.refund(caller, invoiceId, amount, request.validReason(), request.validMetadata(),
                        validKey(idempotencyKey), EventMetadata.forRequest(exchange, caller)))
                .map(result -> {
                    var transaction = TransactionResponse.of(result.transaction());
                    Map<String, Object> body = ApiResponses.of("refund", transaction.refunds().stream()
                            .filter(refund -> refund.id().equals(result.refundId())).findFirst().orElseThrow());
                    body.put("transaction", transaction);
                    return body;
                });
    }

    @GetMapping(path = "/invoices/{invoiceId}/transactions", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> ofInvoice(@PathVariable String invoiceId, ProjectContext caller) {
        caller.requireSecretKey();
        return requireInvoiceId(invoiceId).then(find(caller, invoiceId, true));
    }

    @GetMapping(path = "/transactions/{transactionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> get(@PathVariable String transactionId, ProjectContext caller) {
        caller.requireSecretKey();
        return find(caller, transactionId, false);
    }

    @GetMapping(path = "/transactions", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> list(@RequestParam Map<String, String> parameters, ProjectContext caller) {
        caller.requireSecretKey();
        var page = PageParameters.parse(parameters, Set.of(), id -> id.startsWith("tr_") && id.length() <= 64,
                "a transaction id");
        return Blocking.future(() -> queries.query(new ListTransactionsQuery(caller.projectId(), page),
                        ResponseTypes.instanceOf(TransactionPage.class)))
                .map(result -> {
                    Map<String, Object> body = ApiResponses.of("transactions",
                            result.transactions().stream().map(TransactionResponse::of).toList());
                    body.put("has_more", result.hasMore());
                    return body;
                });
    }

    private Mono<Map<String, Object>> find(ProjectContext caller, String id, boolean byInvoice) {
        return Blocking.future(() -> queries.query(new FindTransactionQuery(caller.projectId(), id, byInvoice),
                        ResponseTypes.optionalInstanceOf(TransactionView.class)))
                .flatMap(Mono::justOrEmpty)
                .map(PaymentController::transaction)
                .switchIfEmpty(Mono.error(() -> byInvoice
                        ? new ApiException(PaymentErrorCode.TRANSACTION_NOT_FOUND, "The invoice " + id + " has no transaction")
                        : ApiException.notFound("transaction", id)));
    }

    /** The gateway checked the key already; a service reached another way gets the same rule. */
    private static String validKey(String idempotencyKey) {
        if (idempotencyKey == null) {
            return null;
        }
        if (!IdempotencyKeys.isWellFormed(idempotencyKey)) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD, "Idempotency-Key must be non-empty and at most "
                    + IdempotencyKeys.MAX_LENGTH + " characters");
        }
        return idempotencyKey;
    }

    private static Mono<Void> requireInvoiceId(String invoiceId) {
        return InvoiceId.isWellFormed(invoiceId) ? Mono.empty()
                : Mono.error(ApiException.notFound("invoice", "(malformed)"));
    }

    static Map<String, Object> transaction(TransactionView view) {
        return ApiResponses.of("transaction", TransactionResponse.of(view));
    }
}
