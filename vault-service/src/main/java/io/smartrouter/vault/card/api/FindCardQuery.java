package io.smartrouter.vault.card.api;

import io.smartrouter.platform.id.ProjectId;

/** One card of a project, as the read model has it. */
public record FindCardQuery(ProjectId projectId, String cardId) {
}
