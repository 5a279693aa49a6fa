package io.smartrouter.vault.customer.query;

import io.smartrouter.vault.customer.api.CustomerDetails;
import java.time.Instant;

/** A customer as the API shows it. */
public record CustomerView(String customerId, String projectId, CustomerDetails details, String defaultTokenId,
        Instant createdAt) {

    CustomerView with(CustomerDetails newDetails, String newDefaultTokenId) {
        return new CustomerView(customerId, projectId, newDetails, newDefaultTokenId, createdAt);
    }
}
