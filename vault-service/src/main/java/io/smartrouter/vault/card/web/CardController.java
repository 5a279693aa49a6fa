package io.smartrouter.vault.card.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.vault.card.api.FindCardQuery;
import io.smartrouter.vault.card.number.BinTable;
import io.smartrouter.vault.card.number.CardScheme;
import io.smartrouter.vault.card.query.CardView;
import io.smartrouter.vault.card.vault.CardVault;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /cards} and {@code /iins}. Tokenizing a card and looking up an IIN are allowed with the public key (a
 * checkout page does them); reading and deleting a card need the secret key.
 */
@RestController
class CardController {

    private static final Pattern IIN = Pattern.compile("\\d{6,8}");

    private final CardVault vault;
    private final QueryGateway queries;
    private final BinTable bins = BinTable.load();
    private final Clock clock;

    CardController(CardVault vault, QueryGateway queries, Clock clock) {
        this.vault = vault;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping(path = "/cards", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> tokenize(@RequestBody TokenizeCardRequest request, ProjectContext caller,
            ServerWebExchange exchange) {
        var card = request.toNewCard(bins, clock);
        var metadata = EventMetadata.forRequest(exchange, caller);
        return Blocking.call(() -> vault.tokenize(caller.projectId(), card, metadata))
                .map(CardController::response);
    }

    @GetMapping(path = "/cards/{cardId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> get(@PathVariable String cardId, ProjectContext caller) {
        caller.requireSecretKey();
        return find(caller, cardId);
    }

    /** Erases the card's PAN for good; the masked card stays in the event history. */
    @DeleteMapping(path = "/cards/{cardId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> delete(@PathVariable String cardId, ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        if (!CardId.isWellFormed(cardId)) {
            return Mono.error(ApiException.notFound("card", "(malformed)"));
        }
        var metadata = EventMetadata.forRequest(exchange, caller);
        return Blocking.call(() -> {
            vault.delete(caller.projectId(), new CardId(cardId), metadata);
            return ApiResponses.of("deleted", true);
        });
    }

    /** Scheme, type and country of a card range, from its first 6 to 8 digits. */
    @GetMapping(path = "/iins/{iin}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> iin(@PathVariable String iin) {
        if (!IIN.matcher(iin).matches()) {
            return Mono.error(ApiException.notFound("iin", "(malformed: an IIN is 6 to 8 digits)"));
        }
        var scheme = CardScheme.ofIin(iin);
        if (scheme.isEmpty()) {
            return Mono.error(ApiException.notFound("iin", iin));
        }
        var issuer = bins.lookup(iin);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("iin", iin);
        body.put("scheme", scheme.get().wire());
        body.put("type", issuer.map(BinTable.Issuer::type).orElse(null));
        body.put("country_code", issuer.map(BinTable.Issuer::countryCode).orElse(null));
        return Mono.just(ApiResponses.of("iin", body));
    }

    private static Map<String, Object> response(CardView card) {
        return ApiResponses.of("card", CardResponse.of(card));
    }

    private Mono<Map<String, Object>> find(ProjectContext caller, String cardId) {
        if (!CardId.isWellFormed(cardId)) {
            return Mono.error(ApiException.notFound("card", "(malformed)"));
        }
        return Blocking.future(() -> queries.query(new FindCardQuery(caller.projectId(), cardId),
                        ResponseTypes.optionalInstanceOf(CardView.class)))
                .flatMap(Mono::justOrEmpty)
                .filter(card -> !card.deleted())
                .map(CardController::response)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("card", cardId)));
    }
}
