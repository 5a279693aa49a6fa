package io.smartrouter.payment.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Test double of the vault's internal detokenization, on its own port: cards and tokens registered by the test, a
 * one-time card answered for the payment (reference) that used it first and 409 {@code request.source.already-used} for
 * any other. (The vault's own tests cover its signature checks and storage; this covers the payment service's side of
 * the contract.)
 */
public final class FakeVault implements AutoCloseable {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, String> numberBySource = new ConcurrentHashMap<>();
    /** The payment (reference) each used one-time card went to. */
    private final Map<String, String> usedBy = new ConcurrentHashMap<>();
    private final Set<String> unavailableOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> answerLostOnce = ConcurrentHashMap.newKeySet();
    private final DisposableServer server;

    public FakeVault() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/internal/{kind}/{source}/detokenize", (request, response) ->
                        request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body ->
                                answer(request.param("source"), body, response))))
                .bindNow();
    }

    private Mono<Void> answer(String source, String body, HttpServerResponse response) {
        if (unavailableOnce.remove(source)) {
            return send(response, 503, "{\"success\":false,\"error_type\":\"server.service-unavailable\","
                    + "\"message\":\"Restarting\"}");
        }
        String number = numberBySource.get(source);
        if (number == null) {
            return send(response, 404, "{\"success\":false,\"error_type\":\"resource.card.not-found\","
                    + "\"message\":\"No such card\"}");
        }
        Matcher reference = REFERENCE.matcher(body);
        String payment = reference.find() ? reference.group(1) : "";
        if (source.startsWith("card_") && !usedBy.computeIfAbsent(source, card -> payment).equals(payment)) {
            return send(response, 409, "{\"success\":false,\"error_type\":\"request.source.already-used\","
                    + "\"message\":\"The card was already used\"}");
        }
        if (answerLostOnce.remove(source)) {
            return send(response, 503, "{\"success\":false,\"error_type\":\"server.service-unavailable\","
                    + "\"message\":\"Stopped before answering\"}");
        }
        return send(response, 200, "{\"success\":true,\"card\":{\"number\":\"" + number + "\","
                + "\"cvc2\":null,\"exp_month\":12,\"exp_year\":2040,\"name\":\"Test\",\"scheme\":\""
                + (number.startsWith("5") ? "mastercard" : "visa") + "\",\"type\":\"credit\",\"country_code\":\""
                + country(number) + "\",\"iin\":\"" + number.substring(0, 6) + "\","
                + "\"last_4_digits\":\"" + number.substring(number.length() - 4) + "\",\"fingerprint\":\"f\"}}");
    }

    private static Mono<Void> send(HttpServerResponse response, int status, String json) {
        return response.status(status).header("Content-Type", "application/json")
                .sendByteArray(Mono.just(json.getBytes(StandardCharsets.UTF_8))).then();
    }

    /** API.md's routing test cards are issued in FR and GB; the others in the US. */
    private static String country(String number) {
        return number.startsWith("497783") ? "FR" : number.startsWith("465858") ? "GB" : "US";
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Registers a card (or token) id with the PAN the vault would release for it. */
    public String add(String source, String number) {
        numberBySource.put(source, number);
        return source;
    }

    /** The next detokenization of {@code source} answers 503, as a vault that is restarting would. */
    public void unavailableOnce(String source) {
        unavailableOnce.add(source);
    }

    /** The next detokenization of {@code source} uses the card, then answers 503: a vault killed before it answered. */
    public void answerLostOnce(String source) {
        answerLostOnce.add(source);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
