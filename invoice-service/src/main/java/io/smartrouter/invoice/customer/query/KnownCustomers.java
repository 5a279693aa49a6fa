package io.smartrouter.invoice.customer.query;

import io.smartrouter.platform.events.CatchUp;
import io.smartrouter.platform.events.ConsumerProgress;
import io.smartrouter.platform.events.OwnerLookup;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDeletedEvent;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The invoice service's view of the vault's customers, kept from the vault topic (see {@code VaultCustomerListener}),
 * not by reading them from the vault. A customer created a moment ago may not have arrived yet, so a check waits
 * briefly for the projection to catch up, then reads the topic to its end for it, and only then asks the vault whether
 * it exists: its creation may be committed there and not published yet (ADR 0025).
 */
@Component
public class KnownCustomers {

    /** The consumer group that keeps this projection ({@code VaultCustomerListener}). */
    public static final String CONSUMER = "invoice-service.vault-customers";

    private final KnownCustomerRepository customers;
    private final ConsumerProgress progress;
    private final OwnerLookup vault;
    private final Duration catchUp;

    KnownCustomers(KnownCustomerRepository customers, ConsumerProgress progress, OwnerLookup vault,
            @Value("${smartrouter.invoice.customer-catch-up:3s}") Duration catchUp) {
        this.customers = customers;
        this.progress = progress;
        this.vault = vault;
        this.catchUp = catchUp;
    }

    public void on(CustomerCreatedEvent event) {
        if (customers.findById(event.getCustomerId()).isEmpty()) {
            customers.save(new KnownCustomer(event.getCustomerId(), event.getProjectId()));
        }
    }

    public void on(CustomerDeletedEvent event) {
        customers.findById(event.getCustomerId()).ifPresent(customer -> {
            customer.markDeleted();
            customers.save(customer);
        });
    }

    /**
     * Whether the customer is a live customer of the project. Only a customer not heard of yet is waited for (up to
     * the catch-up time, then a retriable 503 while the vault topic still holds unread records for it, or while the
     * vault says it exists or cannot tell); a deleted one or another project's is answered at once. Blocking.
     */
    public boolean isLive(ProjectId project, CustomerId customerId) throws InterruptedException {
        Optional<KnownCustomer> known = CatchUp.await(catchUp, () -> customers.findById(customerId.value()));
        if (known.isEmpty()) {
            progress.requireCaughtUp(CONSUMER, Topics.VAULT, customerId.value(), "customer");
            known = customers.findById(customerId.value());
        }
        if (known.isEmpty()) {
            vault.requireUnknownToOwner(project, customerId.value(), "customer");
        }
        return known.map(customer -> customer.isLiveIn(project.value())).orElse(false);
    }
}
