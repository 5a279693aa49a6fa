package io.smartrouter.vault.internal;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.TokenId;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.vault.card.api.MaskedCard;
import io.smartrouter.vault.card.vault.CardVault;
import io.smartrouter.vault.card.vault.CardVault.CardDetails;
import io.smartrouter.vault.customer.api.ChargeCustomerTokenCommand;
import io.smartrouter.vault.customer.api.FindCustomerTokenQuery;
import io.smartrouter.vault.customer.query.TokenView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Internal detokenization for the payment service: the card's number, expiry and (once) CVC for one PSP call. Only
 * requests signed with the service secret reach it (see {@code InternalCalls}); the gateway never routes
 * {@code /internal}. Every release is audited with a {@code CardDetokenizedEvent} committed before the PAN is
 * decrypted.
 */
@RestController
@RequestMapping(path = "/internal", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
class DetokenizationController {

    private final CardVault vault;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ObjectMapper json;

    DetokenizationController(CardVault vault, CommandGateway commands, QueryGateway queries, ObjectMapper json) {
        this.vault = vault;
        this.commands = commands;
        this.queries = queries;
        this.json = json;
    }

    /** A one-time card token: consumed by this call, so a second detokenization is a 409. */
    @PostMapping("/cards/{cardId}/detokenize")
    Mono<byte[]> card(@PathVariable String cardId, @RequestBody DetokenizeRequest request,
            ProjectContext caller, ServerWebExchange exchange) {
        caller.requireInternalCaller();
        if (!CardId.isWellFormed(cardId)) {
            return Mono.error(ApiException.notFound("card", "(malformed)"));
        }
        var metadata = EventMetadata.forRequest(exchange, caller);
        String reference = request.validReference();
        String requester = request.validRequester();
        return Blocking.call(() -> vault.detokenize(caller.projectId(), new CardId(cardId), null, reference,
                requester, metadata)).map(this::response);
    }

    /** A customer token: reusable, as long as neither it nor its customer was deleted. */
    @PostMapping("/tokens/{tokenId}/detokenize")
    Mono<byte[]> token(@PathVariable String tokenId, @RequestBody DetokenizeRequest request,
            ProjectContext caller, ServerWebExchange exchange) {
        caller.requireInternalCaller();
        if (!TokenId.isWellFormed(tokenId)) {
            return Mono.error(ApiException.notFound("token", "(malformed)"));
        }
        var metadata = EventMetadata.forRequest(exchange, caller);
        String reference = request.validReference();
        String requester = request.validRequester();
        return Blocking.future(() -> queries.query(new FindCustomerTokenQuery(caller.projectId(), tokenId),
                        ResponseTypes.optionalInstanceOf(TokenView.class)))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("token", tokenId)))
                .flatMap(token -> Blocking.call(() -> {
                    String cardId = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new ChargeCustomerTokenCommand(new CustomerId(token.customerId()), caller.projectId(),
                                    new TokenId(tokenId))).andMetaData(metadata));
                    return vault.detokenize(caller.projectId(), new CardId(cardId), new TokenId(tokenId), reference,
                            requester, metadata);
                }))
                .map(this::response);
    }


    /**
     * The response as bytes: Spring's JSON encoder logs the first characters of every object it encodes at DEBUG,
     * which would put the PAN in the logs of anyone debugging the web layer; the byte array encoder logs only a length.
     */
    private byte[] response(CardDetails details) {
        MaskedCard card = details.card();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", details.pan().digits());
        body.put("cvc2", details.cvc() == null ? null : details.cvc().digits());
        body.put("exp_month", card.expMonth());
        body.put("exp_year", card.expYear());
        body.put("name", card.name());
        body.put("scheme", card.scheme());
        body.put("type", card.type());
        body.put("country_code", card.countryCode());
        body.put("iin", card.iin());
        body.put("last_4_digits", card.last4());
        body.put("fingerprint", card.fingerprint());
        return json.writeValueAsBytes(ApiResponses.of("card", body));
    }
}
