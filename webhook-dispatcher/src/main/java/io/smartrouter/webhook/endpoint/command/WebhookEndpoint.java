package io.smartrouter.webhook.endpoint.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.platform.axon.CommandRejections;
import io.smartrouter.platform.error.ErrorCode;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.webhook.WebhookEndpointCreatedEvent;
import io.smartrouter.schemas.webhook.WebhookEndpointDeletedEvent;
import io.smartrouter.schemas.webhook.WebhookEndpointDisabledEvent;
import io.smartrouter.schemas.webhook.WebhookEndpointSecretRotatedEvent;
import io.smartrouter.schemas.webhook.WebhookEndpointUpdatedEvent;
import io.smartrouter.webhook.endpoint.api.CreateWebhookEndpointCommand;
import io.smartrouter.webhook.endpoint.api.DeleteWebhookEndpointCommand;
import io.smartrouter.webhook.endpoint.api.DisableWebhookEndpointCommand;
import io.smartrouter.webhook.endpoint.api.RotateWebhookEndpointSecretCommand;
import io.smartrouter.webhook.endpoint.api.UpdateWebhookEndpointCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A merchant's webhook endpoint: where, which event types, enabled or not, and which (sealed) secret signs. A deleted
 * endpoint is gone for every command. Disabling is idempotent: the dispatcher may ask twice (two failing deliveries
 * at once) and only the first one is an event.
 */
@Aggregate
public class WebhookEndpoint {

    public static final ErrorCode NOT_FOUND = ErrorCode.of("resource.webhook_endpoint.not-found", 404);

    @AggregateIdentifier
    private String endpointId;
    private String projectId;
    private String secretId;
    private boolean enabled;
    private boolean deleted;

    protected WebhookEndpoint() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public WebhookEndpoint(CreateWebhookEndpointCommand command) {
        apply(WebhookEndpointCreatedEvent.newBuilder()
                .setEndpointId(command.endpointId().value())
                .setProjectId(command.projectId().value())
                .setUrl(command.url())
                .setEvents(command.events())
                .setDescription(command.description())
                .setEnabled(command.enabled())
                .setSecretId(command.secretId())
                .setCreatedAt(command.createdAt())
                .build());
    }

    @CommandHandler
    public void handle(UpdateWebhookEndpointCommand command) {
        requireLive(command.projectId());
        apply(WebhookEndpointUpdatedEvent.newBuilder()
                .setEndpointId(endpointId)
                .setProjectId(projectId)
                .setUrl(command.url())
                .setEvents(command.events())
                .setDescription(command.description())
                .setEnabled(command.enabled())
                .setUpdatedAt(command.updatedAt())
                .build());
    }

    @CommandHandler
    public void handle(RotateWebhookEndpointSecretCommand command) {
        requireLive(command.projectId());
        apply(WebhookEndpointSecretRotatedEvent.newBuilder()
                .setEndpointId(endpointId)
                .setProjectId(projectId)
                .setSecretId(command.secretId())
                .setPreviousSecretId(secretId)
                .setPreviousSecretExpiresAt(command.previousExpiresAt())
                .setRotatedAt(command.rotatedAt())
                .build());
    }

    /** Answers whether the endpoint was disabled now (false when it already was, or is deleted). */
    @CommandHandler
    public boolean handle(DisableWebhookEndpointCommand command) {
        if (deleted || !enabled || !projectId.equals(command.projectId().value())) {
            return false;
        }
        apply(WebhookEndpointDisabledEvent.newBuilder()
                .setEndpointId(endpointId)
                .setProjectId(projectId)
                .setReason(command.reason())
                .setFailingSince(command.failingSince())
                .setDisabledAt(command.disabledAt())
                .build());
        return true;
    }

    @CommandHandler
    public void handle(DeleteWebhookEndpointCommand command) {
        requireLive(command.projectId());
        apply(WebhookEndpointDeletedEvent.newBuilder().setEndpointId(endpointId).setProjectId(projectId)
                .setDeletedAt(command.deletedAt()).build());
    }

    private void requireLive(ProjectId caller) {
        if (deleted || !projectId.equals(caller.value())) {
            throw CommandRejections.reject(NOT_FOUND, "No webhook_endpoint with id " + endpointId + " was found");
        }
    }

    @EventSourcingHandler
    void on(WebhookEndpointCreatedEvent event) {
        endpointId = event.getEndpointId();
        projectId = event.getProjectId();
        secretId = event.getSecretId();
        enabled = event.getEnabled();
    }

    @EventSourcingHandler
    void on(WebhookEndpointUpdatedEvent event) {
        enabled = event.getEnabled();
    }

    @EventSourcingHandler
    void on(WebhookEndpointSecretRotatedEvent event) {
        secretId = event.getSecretId();
    }

    @EventSourcingHandler
    void on(WebhookEndpointDisabledEvent event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(WebhookEndpointDeletedEvent event) {
        deleted = true;
    }
}
