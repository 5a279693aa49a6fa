package io.smartrouter.invoice.invoice.internal;

import io.smartrouter.invoice.invoice.api.InvoiceOfProjectQuery;
import io.smartrouter.platform.events.OwnerLookup;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.security.ProjectContext;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Whether an invoice exists, for the payment service, which knows invoices from the invoices topic only: an invoice
 * whose creation is committed here but not yet published (this service died before its publisher ran) is unknown
 * there, and must not be answered "not found" (ADR 0025). Only requests signed with the service secret reach it
 * ({@code InternalCalls}); the gateway never routes {@code /internal}. Another project's invoice does not exist for
 * the caller.
 */
@RestController
@RequestMapping("/internal/invoices")
class InvoiceExistenceController {

    private final QueryGateway queries;

    InvoiceExistenceController(QueryGateway queries) {
        this.queries = queries;
    }

    /** 204 when the caller's project has the invoice, else 404. */
    @GetMapping("/{invoiceId}")
    Mono<ResponseEntity<Void>> exists(@PathVariable String invoiceId, ProjectContext caller) {
        return OwnerLookup.answer(caller, "invoice", invoiceId, InvoiceId.isWellFormed(invoiceId),
                () -> queries.query(new InvoiceOfProjectQuery(caller.projectId(), invoiceId), Boolean.class));
    }
}
