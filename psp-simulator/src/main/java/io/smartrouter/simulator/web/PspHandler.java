package io.smartrouter.simulator.web;

import io.smartrouter.simulator.psp.Fault;
import io.smartrouter.simulator.psp.IdempotencyKeyReusedException;
import io.smartrouter.simulator.psp.PspRegistry;
import io.smartrouter.simulator.psp.SimulatedPsp;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The PSP operations under {@code /psps/{psp}}: authorize, capture, void, refund, and the status lookup by
 * idempotency key. Each operation answers after the PSP's latency (a non-blocking delay), or fails as its error rates
 * draw; a PSP in outage answers 503 {@code not_processed} at once.
 */
final class PspHandler {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String KEY_PATTERN = "[A-Za-z0-9_.:-]{1,128}";
    private static final String ID_PATTERN = "[A-Za-z0-9_-]{1,128}";
    private static final String CURRENCY_PATTERN = "[A-Z]{3}";
    private static final long MAX_AMOUNT = 1_000_000_000_000L;

    private final PspRegistry registry;

    PspHandler(PspRegistry registry) {
        this.registry = registry;
    }

    Mono<ServerResponse> authorize(ServerRequest request) {
        return operation(request, body -> {
            SimulatorAuthorizationRequest authorization = SimulatorJson.read(body, SimulatorAuthorizationRequest.class);
            SimulatedPsp.AuthorizeRequest command = validAuthorization(authorization);
            return (psp, key) -> psp.authorize(key, command);
        });
    }

    Mono<ServerResponse> capture(ServerRequest request) {
        String authorization = authorizationId(request);
        return operation(request, body -> {
            SimulatorAmountRequest amount = validAmount(SimulatorJson.read(body, SimulatorAmountRequest.class));
            return (psp, key) -> psp.capture(key, authorization, amount.amount(), amount.currency());
        });
    }

    Mono<ServerResponse> voidAuthorization(ServerRequest request) {
        String authorization = authorizationId(request);
        return operation(request, body -> (psp, key) -> psp.voidAuthorization(key, authorization));
    }

    Mono<ServerResponse> refund(ServerRequest request) {
        String authorization = authorizationId(request);
        return operation(request, body -> {
            SimulatorAmountRequest amount = validAmount(SimulatorJson.read(body, SimulatorAmountRequest.class));
            return (psp, key) -> psp.refund(key, authorization, amount.amount(), amount.currency());
        });
    }

    /** {@code GET /psps/{psp}/operations/{key}}: the recorded outcome, or 404 {@code operation_not_found}. */
    Mono<ServerResponse> status(ServerRequest request) {
        SimulatedPsp psp = registry.find(request.pathVariable("psp")).orElse(null);
        if (psp == null) {
            return unknownPsp();
        }
        if (psp.down()) {
            return notProcessed();
        }
        String key = request.pathVariable("key");
        return Mono.delay(psp.nextLatency())
                .then(Mono.defer(() -> psp.lookup(key)
                        .map(operation -> json(HttpStatus.OK, operation))
                        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "operation_not_found",
                                "This PSP has no operation under that idempotency key"))));
    }

    private Mono<ServerResponse> operation(ServerRequest request, Function<String, Operation> parse) {
        SimulatedPsp psp = registry.find(request.pathVariable("psp")).orElse(null);
        if (psp == null) {
            return unknownPsp();
        }
        if (psp.down()) {
            return notProcessed();
        }
        String key = request.headers().firstHeader(IDEMPOTENCY_KEY);
        return request.bodyToMono(String.class).defaultIfEmpty("")
                .flatMap(body -> {
                    if (key == null || !key.matches(KEY_PATTERN)) {
                        throw new BadRequestException("The Idempotency-Key header is required (1 to 128 of "
                                + "A-Z a-z 0-9 _ . : -)");
                    }
                    String authorization = request.pathVariables().get("authorization");
                    if (authorization != null && !authorization.matches(ID_PATTERN)) {
                        throw new BadRequestException("The authorization id is malformed");
                    }
                    Operation operation = parse.apply(body);
                    Fault fault = psp.nextFault();
                    Duration latency = psp.nextLatency();
                    return Mono.delay(latency).then(Mono.defer(() -> answer(psp, key, operation, fault)));
                })
                .onErrorResume(BadRequestException.class,
                        e -> error(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage()))
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge())
                .onErrorResume(IdempotencyKeyReusedException.class,
                        e -> error(HttpStatus.CONFLICT, "idempotency_key_reused", e.getMessage()));
    }

    private static Mono<ServerResponse> answer(SimulatedPsp psp, String key, Operation operation, Fault fault) {
        switch (fault) {
            case NOT_PROCESSED:
                return notProcessed();
            case INTERNAL_ERROR_BEFORE:
                return internalError();
            case INTERNAL_ERROR_AFTER:
                operation.perform(psp, key);
                return internalError();
            case HANG:
                SimulatedPsp.Result held = operation.perform(psp, key);
                return Mono.delay(psp.hang()).then(Mono.defer(() -> outcome(held)));
            case NONE:
            default:
                return outcome(operation.perform(psp, key));
        }
    }

    private static Mono<ServerResponse> outcome(SimulatedPsp.Result result) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED, Boolean.toString(result.replayed()))
                .bodyValue(SimulatorJson.write(result.operation()));
    }

    private static SimulatedPsp.AuthorizeRequest validAuthorization(SimulatorAuthorizationRequest request) {
        validAmount(new SimulatorAmountRequest(request.amount(), request.currency()));
        SimulatorAuthorizationRequest.Card card = request.card();
        require(card != null, "card is required");
        String digits = card.number() == null ? "" : card.number().replace(" ", "").replace("-", "");
        require(digits.matches("[0-9]{12,19}") && passesLuhn(digits), "card.number is not a valid card number");
        require(card.expMonth() != null && card.expMonth() >= 1 && card.expMonth() <= 12,
                "card.exp_month must be 1 to 12");
        require(card.expYear() != null && card.expYear() >= 2000 && card.expYear() <= 2100,
                "card.exp_year must be a four-digit year");
        require(card.cvc() == null || card.cvc().matches("[0-9]{3,4}"), "card.cvc must be 3 or 4 digits");
        require(card.holderName() == null || card.holderName().length() <= 128, "card.holder_name is too long");
        require("cit".equals(request.initiationType()) || "mit".equals(request.initiationType()),
                "initiation_type must be cit or mit");
        require(request.merchantReference() == null || request.merchantReference().length() <= 128,
                "merchant_reference is too long");
        require(request.merchantAccount() == null || request.merchantAccount().matches("[A-Za-z0-9_-]{1,64}"),
                "merchant_account must be 1 to 64 of A-Z a-z 0-9 _ -");
        return new SimulatedPsp.AuthorizeRequest(request.amount(), request.currency(), digits, request.initiationType(),
                request.merchantReference());
    }

    private static SimulatorAmountRequest validAmount(SimulatorAmountRequest request) {
        require(request.amount() != null && request.amount() >= 1 && request.amount() <= MAX_AMOUNT,
                "amount must be a whole number of minor units, at least 1");
        require(request.currency() != null && request.currency().matches(CURRENCY_PATTERN),
                "currency must be an ISO 4217 code");
        return request;
    }

    private static String authorizationId(ServerRequest request) {
        return request.pathVariable("authorization");
    }

    private static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new BadRequestException(message);
        }
    }

    static Mono<ServerResponse> unknownPsp() {
        return error(HttpStatus.NOT_FOUND, "unknown_psp", "No PSP of that name runs in this simulator");
    }

    static Mono<ServerResponse> tooLarge() {
        return error(HttpStatus.BAD_REQUEST, "invalid_request", "The body is too large");
    }

    static Mono<ServerResponse> notProcessed() {
        return error(HttpStatus.SERVICE_UNAVAILABLE, "not_processed",
                "The request was not processed; it is safe to send it again, here or elsewhere");
    }

    static Mono<ServerResponse> internalError() {
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something failed; the operation may or may not have been done: look it up by its idempotency key");
    }

    static Mono<ServerResponse> json(HttpStatus status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(SimulatorJson.write(body));
    }

    static Mono<ServerResponse> error(HttpStatus status, String type, String message) {
        return json(status, SimulatorError.of(type, message));
    }

    /** A validated operation, ready to run on a PSP under an idempotency key. */
    private interface Operation {
        SimulatedPsp.Result perform(SimulatedPsp psp, String key);
    }
}
