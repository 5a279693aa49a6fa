package io.smartrouter.invoice.customer.query;

import io.smartrouter.platform.events.CatchUp;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDeletedEvent;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The invoice service's view of the vault's customers, kept from the vault topic (see
 * {@code VaultCustomerListener}), never by asking the vault. A customer created a moment ago may not have arrived yet,
 * so a check waits briefly for the projection to catch up before answering that it does not exist.
 */
@Component
public class KnownCustomers {

    private final KnownCustomerRepository customers;
    private final Duration catchUp;

    KnownCustomers(KnownCustomerRepository customers,
            @Value("${smartrouter.invoice.customer-catch-up:3s}") Duration catchUp) {
        this.customers = customers;
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
     * the catch-up time); a deleted one or another project's is answered at once. Blocking.
     */
    public boolean isLive(ProjectId project, CustomerId customerId) throws InterruptedException {
        return CatchUp.await(catchUp, () -> customers.findById(customerId.value()))
                .map(customer -> customer.isLiveIn(project.value())).orElse(false);
    }

}
