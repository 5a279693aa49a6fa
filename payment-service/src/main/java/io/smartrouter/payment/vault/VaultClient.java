package io.smartrouter.payment.vault;

import io.smartrouter.payment.connector.ConnectorCard;
import io.smartrouter.platform.card.Cvc;
import io.smartrouter.platform.card.Pan;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.ErrorCode;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.web.WebClients;
import io.smartrouter.schemas.payment.PaymentCard;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The vault's internal detokenization, for the one PSP call that needs the card: signed as an internal call for the
 * project, with timeouts. Vault refusals (a used or deleted card, an unknown token) come back as the vault's own API
 * errors; an unreachable vault is a 502.
 */
public class VaultClient {

    static final String REQUESTER = "payment-service";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final WebClient web;
    private final InternalCalls internalCalls;
    private final Duration timeout;

    public VaultClient(String vaultUrl, InternalCalls internalCalls, Duration timeout) {
        this.web = WebClients.withTimeouts(vaultUrl, CONNECT_TIMEOUT, timeout);
        this.internalCalls = internalCalls;
        this.timeout = timeout;
    }

    /** Releases a one-time card ({@code card_…}, consumed by this) or a customer token's card ({@code tok_…}). */
    public Mono<DetokenizedCard> detokenize(ProjectId project, String source, String transactionId) {
        String path = (source.startsWith("tok_") ? "/internal/tokens/" : "/internal/cards/") + source + "/detokenize";
        return web.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reference", transactionId, "requested_by", REQUESTER))
                .headers(internalCalls.headers(project, "POST", path))
                .exchangeToMono(response -> response.bodyToMono(JsonNode.class).map(body -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return DetokenizedCard.of(body.get("card"));
                    }
                    throw new ApiException(ErrorCode.of(body.path("error_type").asString("gateway.vault-error"),
                            response.statusCode().value()), body.path("message").asString("The vault refused the card"));
                }))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof ApiException), e -> new ApiException(
                        ErrorCode.of("gateway.vault-unavailable", 502), "The card vault could not be reached"));
    }

    /** A card as the vault released it; {@code toString()} shows masked data only. */
    public record DetokenizedCard(ConnectorCard card, PaymentCard masked) {

        static DetokenizedCard of(JsonNode card) {
            String cvc = card.path("cvc2").isString() ? card.path("cvc2").asString() : null;
            return new DetokenizedCard(
                    new ConnectorCard(Pan.parse(card.path("number").asString()), cvc == null ? null : Cvc.parse(cvc),
                            card.path("exp_month").asInt(), card.path("exp_year").asInt(), text(card, "name")),
                    PaymentCard.newBuilder().setScheme(card.path("scheme").asString()).setType(text(card, "type"))
                            .setCountryCode(text(card, "country_code")).setIin(card.path("iin").asString())
                            .setLast4Digits(card.path("last_4_digits").asString()).build());
        }

        private static String text(JsonNode card, String field) {
            return card.path(field).isString() ? card.path(field).asString() : null;
        }
    }
}
