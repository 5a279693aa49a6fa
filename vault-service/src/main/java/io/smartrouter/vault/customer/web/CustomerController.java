package io.smartrouter.vault.customer.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.TokenId;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.platform.web.PageParameters;
import io.smartrouter.vault.card.vault.CardVault;
import io.smartrouter.vault.customer.api.CreateCustomerCommand;
import io.smartrouter.vault.customer.api.CreateCustomerTokenCommand;
import io.smartrouter.vault.customer.api.DeleteCustomerCommand;
import io.smartrouter.vault.customer.api.DeleteCustomerTokenCommand;
import io.smartrouter.vault.customer.api.FindCustomerQuery;
import io.smartrouter.vault.customer.api.FindCustomerTokenQuery;
import io.smartrouter.vault.customer.api.ListCustomerTokensQuery;
import io.smartrouter.vault.customer.api.ListCustomersQuery;
import io.smartrouter.vault.customer.api.UpdateCustomerCommand;
import io.smartrouter.vault.customer.query.CustomerPage;
import io.smartrouter.vault.customer.query.CustomerTokens;
import io.smartrouter.vault.customer.query.CustomerView;
import io.smartrouter.vault.customer.query.TokenView;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /customers} and their tokens: every call needs the secret key and is scoped to the caller's project. */
@RestController
@RequestMapping(path = "/customers", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final CardVault vault;
    private final Clock clock;

    CustomerController(CommandGateway commands, QueryGateway queries, CardVault vault, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.vault = vault;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> create(@RequestBody CustomerRequest request, ProjectContext caller,
            ServerWebExchange exchange) {
        caller.requireSecretKey();
        var command = new CreateCustomerCommand(CustomerId.newId(), caller.projectId(), request.newCustomerDetails(),
                clock.instant());
        return send(command, exchange, caller).then(findCustomer(caller.projectId(), command.customerId().value()));
    }

    @GetMapping
    Mono<Map<String, Object>> list(@RequestParam Map<String, String> parameters, ProjectContext caller) {
        caller.requireSecretKey();
        var page = PageParameters.parse(parameters, Set.of(), CustomerId::isWellFormed, "a customer id");
        return Blocking.future(() -> queries.query(new ListCustomersQuery(caller.projectId(), page),
                        ResponseTypes.instanceOf(CustomerPage.class)))
                .map(result -> {
                    Map<String, Object> body = ApiResponses.of("customers",
                            result.customers().stream().map(CustomerResponse::of).toList());
                    body.put("has_more", result.hasMore());
                    return body;
                });
    }

    @GetMapping("/{customerId}")
    Mono<Map<String, Object>> get(@PathVariable String customerId, ProjectContext caller) {
        caller.requireSecretKey();
        return findCustomer(caller.projectId(), customerId);
    }

    @PutMapping(path = "/{customerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> update(@PathVariable String customerId, @RequestBody CustomerRequest request,
            ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        return existingCustomer(caller.projectId(), customerId)
                .flatMap(customer -> send(new UpdateCustomerCommand(new CustomerId(customerId), caller.projectId(),
                        request.details(), request.metadata() != null, request.defaultToken(), clock.instant()),
                        exchange, caller))
                .then(findCustomer(caller.projectId(), customerId));
    }

    /** Deletes the customer: none of their tokens can pay any more. */
    @DeleteMapping("/{customerId}")
    Mono<Map<String, Object>> delete(@PathVariable String customerId, ProjectContext caller,
            ServerWebExchange exchange) {
        caller.requireSecretKey();
        return existingCustomer(caller.projectId(), customerId)
                .flatMap(customer -> send(new DeleteCustomerCommand(new CustomerId(customerId), caller.projectId(),
                        clock.instant()), exchange, caller))
                .thenReturn(ApiResponses.of("deleted", true));
    }

    /**
     * Saves a one-time card token as a reusable customer token. The card is consumed first (exactly one of two
     * concurrent uses wins), then the token is recorded on the customer. A customer deleted between the two leaves the
     * card consumed without a token: the caller gets the 404 and tokenizes the card again.
     */
    @PostMapping(path = "/{customerId}/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> createToken(@PathVariable String customerId, @RequestBody CreateTokenRequest request,
            ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        var cardId = request.card();
        var metadata = EventMetadata.forRequest(exchange, caller);
        return existingCustomer(caller.projectId(), customerId).flatMap(customer -> Blocking.call(() -> {
            TokenId tokenId = TokenId.newId();
            var card = vault.use(caller.projectId(), cardId, tokenId.value(), metadata);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateCustomerTokenCommand(
                    new CustomerId(customerId), caller.projectId(), tokenId, cardId, card, request.makeDefault(),
                    clock.instant())).andMetaData(metadata));
            return tokenId;
        })).flatMap(tokenId -> findToken(caller.projectId(), customerId, tokenId.value()));
    }

    @GetMapping("/{customerId}/tokens")
    Mono<Map<String, Object>> listTokens(@PathVariable String customerId, ProjectContext caller) {
        caller.requireSecretKey();
        if (!CustomerId.isWellFormed(customerId)) {
            return Mono.error(ApiException.notFound("customer", "(malformed)"));
        }
        return Blocking.future(() -> queries.query(new ListCustomerTokensQuery(caller.projectId(), customerId),
                        ResponseTypes.optionalInstanceOf(CustomerTokens.class)))
                .flatMap(Mono::justOrEmpty)
                .map(tokens -> {
                    Map<String, Object> body = ApiResponses.of("tokens",
                            tokens.tokens().stream().map(TokenResponse::of).toList());
                    body.put("has_more", false);
                    return body;
                })
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("customer", customerId)));
    }

    @GetMapping("/{customerId}/tokens/{tokenId}")
    Mono<Map<String, Object>> getToken(@PathVariable String customerId, @PathVariable String tokenId,
            ProjectContext caller) {
        caller.requireSecretKey();
        return findToken(caller.projectId(), customerId, tokenId);
    }

    @DeleteMapping("/{customerId}/tokens/{tokenId}")
    Mono<Map<String, Object>> deleteToken(@PathVariable String customerId, @PathVariable String tokenId,
            ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        return findToken(caller.projectId(), customerId, tokenId)
                .flatMap(token -> send(new DeleteCustomerTokenCommand(new CustomerId(customerId), caller.projectId(),
                        new TokenId(tokenId), clock.instant()), exchange, caller))
                .thenReturn(ApiResponses.of("deleted", true));
    }

    private Mono<Object> send(Object command, ServerWebExchange exchange, ProjectContext caller) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(EventMetadata.forRequest(exchange, caller));
        return Blocking.future(() -> commands.send(message));
    }

    private Mono<CustomerView> existingCustomer(ProjectId project, String customerId) {
        if (!CustomerId.isWellFormed(customerId)) {
            return Mono.error(ApiException.notFound("customer", "(malformed)"));
        }
        return Blocking.future(() -> queries.query(new FindCustomerQuery(project, customerId),
                        ResponseTypes.optionalInstanceOf(CustomerView.class)))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("customer", customerId)));
    }

    private Mono<Map<String, Object>> findCustomer(ProjectId project, String customerId) {
        return existingCustomer(project, customerId)
                .map(customer -> ApiResponses.of("customer", CustomerResponse.of(customer)));
    }

    private Mono<Map<String, Object>> findToken(ProjectId project, String customerId, String tokenId) {
        if (!TokenId.isWellFormed(tokenId)) {
            return Mono.error(ApiException.notFound("token", "(malformed)"));
        }
        return Blocking.future(() -> queries.query(new FindCustomerTokenQuery(project, tokenId),
                        ResponseTypes.optionalInstanceOf(TokenView.class)))
                .flatMap(Mono::justOrEmpty)
                .filter(token -> token.customerId().equals(customerId))
                .map(token -> ApiResponses.of("token", TokenResponse.of(token)))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("token", tokenId)));
    }
}
