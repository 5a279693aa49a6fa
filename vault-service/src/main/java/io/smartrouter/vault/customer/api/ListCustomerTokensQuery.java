package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.id.ProjectId;

/** Every live token of one customer, oldest first. */
public record ListCustomerTokensQuery(ProjectId projectId, String customerId) {
}
