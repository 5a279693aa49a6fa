package io.smartrouter.invoice.invoice.web;

import io.smartrouter.invoice.customer.query.KnownCustomers;
import io.smartrouter.invoice.invoice.api.AssignCustomerCommand;
import io.smartrouter.invoice.invoice.api.FindInvoiceQuery;
import io.smartrouter.invoice.invoice.command.InvoiceEvents;
import io.smartrouter.invoice.invoice.query.InvoicePage;
import io.smartrouter.invoice.invoice.query.InvoiceViews;
import io.smartrouter.invoice.invoice.query.InvoiceWithTransaction;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import java.time.Clock;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
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

/** {@code /invoices}: every call is scoped to the caller's project and needs the secret key. */
@RestController
@RequestMapping(path = "/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
class InvoiceController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final KnownCustomers customers;
    private final Clock clock;

    InvoiceController(CommandGateway commands, QueryGateway queries, KnownCustomers customers, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.customers = customers;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> create(@RequestBody CreateInvoiceRequest request, ProjectContext caller,
            ServerWebExchange exchange) {
        caller.requireSecretKey();
        var command = request.toCommand(InvoiceId.newId(), caller.projectId(), clock.instant());
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(EventMetadata.forRequest(exchange, caller));
        // The answer is the invoice as its read model folds the event the aggregate applies: nothing to read back.
        return requireCustomer(caller, command.customerId())
                .then(Blocking.future(() -> commands.send(message)))
                .then(Mono.fromSupplier(() -> response(new InvoiceWithTransaction(
                        InvoiceViews.created(InvoiceEvents.created(command)), null))));
    }

    /** Assigns one of the project's customers (as the vault has published them) to the invoice. */
    @PostMapping(path = "/{invoiceId}/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> assignCustomer(@PathVariable String invoiceId, @RequestBody AssignCustomerRequest request,
            ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        CustomerId customer = request.customer();
        return find(caller, invoiceId)
                .then(requireCustomer(caller, customer))
                .then(Mono.defer(() -> {
                    var command = new AssignCustomerCommand(new InvoiceId(invoiceId), caller.projectId(), customer,
                            clock.instant());
                    var message = GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(EventMetadata.forRequest(exchange, caller));
                    return Blocking.future(() -> commands.send(message));
                }))
                .then(find(caller, invoiceId));
    }

    @GetMapping
    Mono<Map<String, Object>> list(@RequestParam Map<String, String> parameters, ProjectContext caller) {
        caller.requireSecretKey();
        var query = ListInvoicesParameters.toQuery(caller.projectId(), parameters);
        return Blocking.future(() -> queries.query(query, ResponseTypes.instanceOf(InvoicePage.class)))
                .map(page -> {
                    Map<String, Object> body = ApiResponses.of("invoices",
                            page.invoices().stream().map(InvoiceResponse::of).toList());
                    body.put("has_more", page.hasMore());
                    return body;
                });
    }

    @GetMapping("/{invoiceId}")
    Mono<Map<String, Object>> get(@PathVariable String invoiceId, ProjectContext caller) {
        caller.requireSecretKey();
        return find(caller, invoiceId);
    }

    /** Moves the order's fulfillment along; an illegal transition is a 409 and changes nothing. */
    @PutMapping(path = "/{invoiceId}/fulfillment", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> updateFulfillment(@PathVariable String invoiceId,
            @RequestBody UpdateFulfillmentRequest request, ProjectContext caller, ServerWebExchange exchange) {
        caller.requireSecretKey();
        return find(caller, invoiceId).then(Mono.defer(() -> {
            var command = request.toCommand(new InvoiceId(invoiceId), caller.projectId(), clock.instant());
            var message = GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(EventMetadata.forRequest(exchange, caller));
            return Blocking.future(() -> commands.send(message));
        })).then(find(caller, invoiceId));
    }

    private Mono<Void> requireCustomer(ProjectContext caller, CustomerId customer) {
        if (customer == null) {
            return Mono.empty();
        }
        return Blocking.call(() -> customers.isLive(caller.projectId(), customer))
                .flatMap(live -> live ? Mono.<Void>empty()
                        : Mono.error(ApiException.notFound("customer", customer.value())));
    }

    private static Map<String, Object> response(InvoiceWithTransaction invoice) {
        return ApiResponses.of("invoice", InvoiceResponse.of(invoice));
    }

    private Mono<Map<String, Object>> find(ProjectContext caller, String invoiceId) {
        if (!InvoiceId.isWellFormed(invoiceId)) {
            return Mono.error(ApiException.notFound("invoice", "(malformed)"));
        }
        var query = new FindInvoiceQuery(caller.projectId(), invoiceId);
        return Blocking.future(() -> queries.query(query, ResponseTypes.optionalInstanceOf(InvoiceWithTransaction.class)))
                .flatMap(Mono::justOrEmpty)
                .map(InvoiceController::response)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("invoice", invoiceId)));
    }
}
