package io.smartrouter.payment.gateway.command;

import io.smartrouter.payment.gateway.api.CreateGatewayConfigurationCommand;
import io.smartrouter.payment.gateway.api.DeleteGatewayConfigurationCommand;
import io.smartrouter.payment.gateway.api.GatewayConfigurationErrorCode;
import io.smartrouter.payment.gateway.api.SealedSettings;
import io.smartrouter.payment.gateway.api.UpdateGatewayConfigurationCommand;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.routing.GatewayConfigurationCreatedEvent;
import io.smartrouter.schemas.routing.GatewayConfigurationDeletedEvent;
import io.smartrouter.schemas.routing.GatewayConfigurationUpdatedEvent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayConfigurationTests {

    static final String ID = "gway_conf_test";
    static final ProjectId PROJECT = new ProjectId("test-proj_demo");
    static final ProjectId OTHER = new ProjectId("test-proj_other");
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final SealedSettings SEALED = new SealedSettings(new byte[] {1, 2, 3}, List.of("api_key"), "fp1");
    static final SealedSettings RESEALED = new SealedSettings(new byte[] {4, 5, 6}, List.of("api_key"), "fp2");

    FixtureConfiguration<GatewayConfiguration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GatewayConfiguration.class);
    }

    static GatewayConfigurationCreatedEvent created() {
        return GatewayConfigurationCreatedEvent.newBuilder().setGatewayConfigurationId(ID).setProjectId(PROJECT.value())
                .setGateway("scripted").setName("Main").setEnabled(true)
                .setSettingsCiphertext(ByteBuffer.wrap(new byte[] {1, 2, 3})).setSettingsKeys(List.of("api_key"))
                .setSettingsFingerprint("fp1").setCreatedAt(NOW).build();
    }

    @Test
    void createsWithSealedSettingsOnly() {
        fixture.givenNoPriorActivity()
                .when(new CreateGatewayConfigurationCommand(ID, PROJECT, "scripted", "Main", true, SEALED, NOW))
                .expectEvents(created());
    }

    @Test
    void updatesKeepingWhatIsNotGiven() {
        fixture.given(created())
                .when(new UpdateGatewayConfigurationCommand(ID, PROJECT, null, false, RESEALED, NOW))
                .expectEvents(GatewayConfigurationUpdatedEvent.newBuilder().setGatewayConfigurationId(ID)
                        .setProjectId(PROJECT.value()).setName("Main").setEnabled(false)
                        .setSettingsCiphertext(ByteBuffer.wrap(new byte[] {4, 5, 6})).setSettingsKeys(List.of("api_key"))
                        .setSettingsFingerprint("fp2").setUpdatedAt(NOW).build());
    }

    @Test
    void anUpdateChangingNothingRecordsNothing() {
        fixture.given(created()).when(new UpdateGatewayConfigurationCommand(ID, PROJECT, "Main", true, null, NOW))
                .expectNoEvents();
    }

    @Test
    void anotherProjectOrADeletedConfigurationIsNotFound() {
        fixture.given(created()).when(new UpdateGatewayConfigurationCommand(ID, OTHER, "X", null, null, NOW))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(GatewayConfigurationErrorCode.NOT_FOUND);
        fixture.given(created()).when(new DeleteGatewayConfigurationCommand(ID, OTHER, NOW))
                .expectException(CommandExecutionException.class);
        var deleted = GatewayConfigurationDeletedEvent.newBuilder().setGatewayConfigurationId(ID)
                .setProjectId(PROJECT.value()).setDeletedAt(NOW).build();
        fixture.given(created()).when(new DeleteGatewayConfigurationCommand(ID, PROJECT, NOW)).expectEvents(deleted);
        fixture.given(created(), deleted).when(new DeleteGatewayConfigurationCommand(ID, PROJECT, NOW))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(GatewayConfigurationErrorCode.NOT_FOUND);
    }
}
