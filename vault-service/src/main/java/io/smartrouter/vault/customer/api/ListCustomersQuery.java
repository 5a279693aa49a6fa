package io.smartrouter.vault.customer.api;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.web.PageParameters;

/** A page of a project's customers, newest first unless the page says ascending. */
public record ListCustomersQuery(ProjectId projectId, PageParameters page) {
}
