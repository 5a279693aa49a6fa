package io.smartrouter.payment.connector.simulator;

import io.smartrouter.payment.connector.ConnectorCard;
import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentOperations.AuthorizationRequest;
import io.smartrouter.payment.connector.PaymentOperations.CaptureRequest;
import io.smartrouter.payment.connector.PaymentOperations.DisputeNotice;
import io.smartrouter.payment.connector.PaymentOperations.RefundRequest;
import io.smartrouter.payment.connector.PaymentOperations.VoidRequest;
import io.smartrouter.platform.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The {@code simulator} gateway: one PSP of the PSP simulator ({@code psp-simulator}), over HTTP. Every operation
 * carries the operation id as its {@code Idempotency-Key}; answers are mapped by {@link SimulatorOutcomes}. The
 * WebClient has connect and response timeouts; an overall timeout a little longer guards the whole exchange.
 * <ul>
 * <li>The simulator never asks for 3-D Secure, so there is never an authorization waiting for a challenge:
 * {@link #completeAuthentication} answers a soft decline {@code gateway.unknown-authorization} without calling it.</li>
 * <li>The simulator sends no disputes: {@link #dueNotices} is always empty, and there is nothing to acknowledge.</li>
 * </ul>
 * Nothing here logs a request body; the card travels only in the authorization's body.
 */
public class SimulatorConnector implements PaymentConnector {

    public static final String GATEWAY = "simulator";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String UNKNOWN_AUTHORIZATION = "gateway.unknown-authorization";

    private static final Logger log = LoggerFactory.getLogger(SimulatorConnector.class);

    private final WebClient web;
    private final String psp;
    private final String merchantAccount;
    private final Duration timeout;

    /**
     * @param web a WebClient on the simulator's base URL, with connect and response timeouts
     * @param psp the simulator's PSP name
     * @param merchantAccount sent with authorizations when not null
     * @param timeout the longest a whole exchange may take (beyond the response timeout, as a guard)
     */
    SimulatorConnector(WebClient web, String psp, String merchantAccount, Duration timeout) {
        this.web = web;
        this.psp = psp;
        this.merchantAccount = merchantAccount;
        this.timeout = timeout;
    }

    @Override
    public String gateway() {
        return GATEWAY;
    }

    /** The simulator's PSP this connector sends to. */
    public String psp() {
        return psp;
    }

    @Override
    public Mono<OperationOutcome> authorize(AuthorizationRequest request) {
        ConnectorCard card = request.card();
        SimulatorAuthorizationRequest body = new SimulatorAuthorizationRequest(request.amount().minorUnits(),
                request.amount().currencyCode(),
                new SimulatorAuthorizationRequest.SimulatorCard(card.pan().digits(), card.expMonth(), card.expYear(),
                        card.cvc() == null ? null : card.cvc().digits(), card.name()),
                request.initiationType(), request.transactionId(), merchantAccount);
        return send("authorization", request.operationId(), "/psps/{psp}/authorizations", body);
    }

    @Override
    public Mono<OperationOutcome> capture(CaptureRequest request) {
        return send("capture", request.operationId(), "/psps/{psp}/authorizations/{authorization}/captures",
                amount(request.amount()), request.authorizationReference());
    }

    @Override
    public Mono<OperationOutcome> voidAuthorization(VoidRequest request) {
        return send("void", request.operationId(), "/psps/{psp}/authorizations/{authorization}/voids", null,
                request.authorizationReference());
    }

    @Override
    public Mono<OperationOutcome> refund(RefundRequest request) {
        return send("refund", request.operationId(), "/psps/{psp}/authorizations/{authorization}/refunds",
                amount(request.amount()), request.authorizationReference());
    }

    /**
     * The outcome the simulator recorded under {@code operationId}; empty on its 404 {@code operation_not_found}. Any
     * other answer, or none, is an error (the reconciler tries again later), never "not received".
     */
    @Override
    public Mono<Optional<OperationOutcome>> status(String operationId) {
        return web.get().uri("/psps/{psp}/operations/{key}", psp, operationId)
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.OK.value()) {
                        return response.bodyToMono(SimulatorOperationResponse.class)
                                .map(body -> Optional.of(SimulatorOutcomes.ofOperation(body)));
                    }
                    return errorType(response).flatMap(type -> {
                        if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()
                                && SimulatorOutcomes.OPERATION_NOT_FOUND.equals(type)) {
                            return Mono.just(Optional.<OperationOutcome>empty());
                        }
                        return Mono.error(new SimulatorLookupException(psp, response.statusCode().value(), type));
                    });
                })
                .timeout(timeout);
    }

    @Override
    public Mono<OperationOutcome> completeAuthentication(String authorizationOperationId, boolean passed) {
        return Mono.fromSupplier(() -> new OperationOutcome.Declined(UNKNOWN_AUTHORIZATION, false));
    }

    @Override
    public Mono<List<DisputeNotice>> dueNotices(Instant now, int limit) {
        return Mono.just(List.of());
    }

    @Override
    public Mono<Void> acknowledge(String noticeId) {
        return Mono.empty();
    }

    private Mono<OperationOutcome> send(String operation, String operationId, String path, Object body,
            String... pathVariables) {
        Object[] variables = new Object[pathVariables.length + 1];
        variables[0] = psp;
        System.arraycopy(pathVariables, 0, variables, 1, pathVariables.length);
        WebClient.RequestBodySpec request = web.post().uri(path, variables)
                .header(IDEMPOTENCY_KEY, operationId)
                .contentType(MediaType.APPLICATION_JSON);
        return (body == null ? request : request.bodyValue(body))
                .exchangeToMono(this::outcome)
                .timeout(timeout)
                .onErrorResume(error -> Mono.just(SimulatorOutcomes.ofFailure(error)))
                .doOnNext(outcome -> {
                    if (outcome instanceof OperationOutcome.Unknown || outcome instanceof OperationOutcome.Unavailable) {
                        log.warn("Simulator PSP {}: {} {} answered {}", psp, operation, operationId, outcome);
                    }
                });
    }

    private Mono<OperationOutcome> outcome(ClientResponse response) {
        if (response.statusCode().value() == HttpStatus.OK.value()) {
            return response.bodyToMono(SimulatorOperationResponse.class)
                    .map(SimulatorOutcomes::ofOperation)
                    .defaultIfEmpty(new OperationOutcome.Unknown("simulator.empty-answer"));
        }
        return errorType(response).map(type -> SimulatorOutcomes.ofError(response.statusCode().value(), type));
    }

    /** The error type of a non-200 answer; empty text when the body is not the simulator's error body. */
    private static Mono<String> errorType(ClientResponse response) {
        return response.bodyToMono(SimulatorErrorResponse.class)
                .map(SimulatorErrorResponse::type)
                .onErrorResume(error -> Mono.just(""))
                .defaultIfEmpty("");
    }

    private static SimulatorAmountRequest amount(Money amount) {
        return new SimulatorAmountRequest(amount.minorUnits(), amount.currencyCode());
    }

    /** The simulator could not tell an operation's status (unreachable, an error, an undocumented answer). */
    static final class SimulatorLookupException extends RuntimeException {

        SimulatorLookupException(String psp, int status, String type) {
            super("Simulator PSP " + psp + " answered a status lookup with " + status
                    + (type.isEmpty() ? "" : " " + type));
        }
    }
}
