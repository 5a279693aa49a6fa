package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.id.ProjectId;

/** One customer of a project (deleted customers are not found). */
public record FindCustomerQuery(ProjectId projectId, String customerId) {
}
