package io.smartrouter.payment.transaction.api;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.web.PageParameters;

/** A page of a project's transactions, newest first unless ascending. */
public record ListTransactionsQuery(ProjectId projectId, PageParameters page) {
}
