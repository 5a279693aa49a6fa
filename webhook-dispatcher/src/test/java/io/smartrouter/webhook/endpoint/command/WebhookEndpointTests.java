package io.smartrouter.webhook.endpoint.command;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.WebhookEndpointId;
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
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookEndpointTests {

    static final WebhookEndpointId ENDPOINT = WebhookEndpointId.newId();
    static final ProjectId PROJECT = new ProjectId("test-proj_demo");
    static final ProjectId OTHER = new ProjectId("test-proj_other");
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);

    FixtureConfiguration<WebhookEndpoint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookEndpoint.class);
    }

    static WebhookEndpointCreatedEvent created() {
        return WebhookEndpointCreatedEvent.newBuilder().setEndpointId(ENDPOINT.value()).setProjectId(PROJECT.value())
                .setUrl("https://hooks.example.com/in").setEvents(List.of("*")).setEnabled(true).setSecretId("sec_1")
                .setCreatedAt(T0).build();
    }

    @Test
    void registersAnEndpointWithTheIdOfItsSealedSecretOnly() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhookEndpointCommand(ENDPOINT, PROJECT, "https://hooks.example.com/in", List.of("*"),
                        null, true, "sec_1", T0))
                .expectEvents(created());
    }

    @Test
    void updatesTheWholeSettings() {
        fixture.given(created())
                .when(new UpdateWebhookEndpointCommand(ENDPOINT, PROJECT, "https://hooks.example.com/v2",
                        List.of("transaction.captured"), "Orders", false, T1))
                .expectEvents(WebhookEndpointUpdatedEvent.newBuilder().setEndpointId(ENDPOINT.value())
                        .setProjectId(PROJECT.value()).setUrl("https://hooks.example.com/v2")
                        .setEvents(List.of("transaction.captured")).setDescription("Orders").setEnabled(false)
                        .setUpdatedAt(T1).build());
    }

    @Test
    void rotationKeepsThePreviousSecretUntilTheOverlapEnds() {
        fixture.given(created())
                .when(new RotateWebhookEndpointSecretCommand(ENDPOINT, PROJECT, "sec_2", T1.plusSeconds(86_400), T1))
                .expectEvents(WebhookEndpointSecretRotatedEvent.newBuilder().setEndpointId(ENDPOINT.value())
                        .setProjectId(PROJECT.value()).setSecretId("sec_2").setPreviousSecretId("sec_1")
                        .setPreviousSecretExpiresAt(T1.plusSeconds(86_400)).setRotatedAt(T1).build());
    }

    @Test
    void disablingIsIdempotent() {
        var disabled = WebhookEndpointDisabledEvent.newBuilder().setEndpointId(ENDPOINT.value())
                .setProjectId(PROJECT.value()).setReason("gone").setDisabledAt(T1).build();
        fixture.given(created())
                .when(new DisableWebhookEndpointCommand(ENDPOINT, PROJECT, "gone", null, T1))
                .expectEvents(disabled)
                .expectResultMessagePayload(true);
        fixture.given(created(), disabled)
                .when(new DisableWebhookEndpointCommand(ENDPOINT, PROJECT, "failing", T0, T1))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anotherProjectsOrADeletedEndpointIsNotFound() {
        fixture.given(created())
                .when(new DeleteWebhookEndpointCommand(ENDPOINT, OTHER, T1))
                .expectException(CommandExecutionException.class);
        fixture.given(created(), WebhookEndpointDeletedEvent.newBuilder().setEndpointId(ENDPOINT.value())
                        .setProjectId(PROJECT.value()).setDeletedAt(T1).build())
                .when(new UpdateWebhookEndpointCommand(ENDPOINT, PROJECT, "https://x.example", List.of("*"), null,
                        true, T1))
                .expectException(CommandExecutionException.class);
    }
}
