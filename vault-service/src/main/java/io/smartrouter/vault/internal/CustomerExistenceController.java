package io.smartrouter.vault.internal;

import io.smartrouter.platform.events.OwnerLookup;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.vault.customer.api.FindCustomerQuery;
import io.smartrouter.vault.customer.query.CustomerView;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Whether a customer exists, for the invoice service, which knows customers from the vault topic only: a customer
 * whose creation is committed here but not yet published (this service died before its publisher ran) is unknown
 * there, and must not be answered "unknown customer" (ADR 0025). Only requests signed with the service secret reach it
 * ({@code InternalCalls}); the gateway never routes {@code /internal}. A deleted customer, or another project's, does
 * not exist for the caller.
 */
@RestController
@RequestMapping("/internal/customers")
class CustomerExistenceController {

    private final QueryGateway queries;

    CustomerExistenceController(QueryGateway queries) {
        this.queries = queries;
    }

    /** 204 when the caller's project has this live customer, else 404. */
    @GetMapping("/{customerId}")
    Mono<ResponseEntity<Void>> exists(@PathVariable String customerId, ProjectContext caller) {
        return OwnerLookup.answer(caller, "customer", customerId, CustomerId.isWellFormed(customerId),
                () -> queries.query(new FindCustomerQuery(caller.projectId(), customerId),
                        ResponseTypes.optionalInstanceOf(CustomerView.class)).thenApply(Optional::isPresent));
    }
}
