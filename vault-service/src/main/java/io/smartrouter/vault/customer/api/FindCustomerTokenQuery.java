package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.id.ProjectId;

/** One token of a project, found by its id alone (deleted tokens are not found). */
public record FindCustomerTokenQuery(ProjectId projectId, String tokenId) {
}
