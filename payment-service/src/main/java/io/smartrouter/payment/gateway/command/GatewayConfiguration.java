package io.smartrouter.payment.gateway.command;

import static io.smartrouter.platform.axon.CommandRejections.reject;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.payment.gateway.api.CreateGatewayConfigurationCommand;
import io.smartrouter.payment.gateway.api.DeleteGatewayConfigurationCommand;
import io.smartrouter.payment.gateway.api.GatewayConfigurationErrorCode;
import io.smartrouter.payment.gateway.api.SealedSettings;
import io.smartrouter.payment.gateway.api.UpdateGatewayConfigurationCommand;
import io.smartrouter.schemas.routing.GatewayConfigurationCreatedEvent;
import io.smartrouter.schemas.routing.GatewayConfigurationDeletedEvent;
import io.smartrouter.schemas.routing.GatewayConfigurationUpdatedEvent;
import java.nio.ByteBuffer;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A project's account at one gateway (PSP): its name, whether the router may use it, and its settings — only ever as
 * ciphertext ({@link SealedSettings}). Another project's configuration, or a deleted one, is not found. Its events stay
 * in the payment service's event store (never published to Kafka).
 */
@Aggregate
public class GatewayConfiguration {

    @AggregateIdentifier
    private String gatewayConfigurationId;
    private String projectId;
    private String name;
    private boolean enabled;
    private SealedSettings settings;
    private boolean deleted;

    protected GatewayConfiguration() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public GatewayConfiguration(CreateGatewayConfigurationCommand command) {
        SealedSettings sealed = command.settings();
        apply(GatewayConfigurationCreatedEvent.newBuilder()
                .setGatewayConfigurationId(command.gatewayConfigurationId())
                .setProjectId(command.projectId().value())
                .setGateway(command.gateway())
                .setName(command.name())
                .setEnabled(command.enabled())
                .setSettingsCiphertext(ByteBuffer.wrap(sealed.ciphertext()))
                .setSettingsKeys(sealed.keys())
                .setSettingsFingerprint(sealed.fingerprint())
                .setCreatedAt(command.at())
                .build());
    }

    @CommandHandler
    public void handle(UpdateGatewayConfigurationCommand command) {
        requireVisibleTo(command.projectId().value());
        SealedSettings sealed = command.settings() == null ? settings : command.settings();
        String newName = command.name() == null ? name : command.name();
        boolean newEnabled = command.enabled() == null ? enabled : command.enabled();
        if (newName.equals(name) && newEnabled == enabled && sealed.equals(settings)) {
            return;
        }
        apply(GatewayConfigurationUpdatedEvent.newBuilder()
                .setGatewayConfigurationId(gatewayConfigurationId)
                .setProjectId(projectId)
                .setName(newName)
                .setEnabled(newEnabled)
                .setSettingsCiphertext(ByteBuffer.wrap(sealed.ciphertext()))
                .setSettingsKeys(sealed.keys())
                .setSettingsFingerprint(sealed.fingerprint())
                .setUpdatedAt(command.at())
                .build());
    }

    @CommandHandler
    public void handle(DeleteGatewayConfigurationCommand command) {
        requireVisibleTo(command.projectId().value());
        apply(GatewayConfigurationDeletedEvent.newBuilder().setGatewayConfigurationId(gatewayConfigurationId)
                .setProjectId(projectId).setDeletedAt(command.at()).build());
    }

    private void requireVisibleTo(String caller) {
        if (!projectId.equals(caller) || deleted) {
            throw reject(GatewayConfigurationErrorCode.NOT_FOUND,
                    "No gateway_configuration with id " + gatewayConfigurationId + " was found");
        }
    }

    @EventSourcingHandler
    void on(GatewayConfigurationCreatedEvent event) {
        gatewayConfigurationId = event.getGatewayConfigurationId();
        projectId = event.getProjectId();
        name = event.getName();
        enabled = event.getEnabled();
        settings = sealed(event.getSettingsCiphertext(), event.getSettingsKeys(), event.getSettingsFingerprint());
    }

    @EventSourcingHandler
    void on(GatewayConfigurationUpdatedEvent event) {
        name = event.getName();
        enabled = event.getEnabled();
        settings = sealed(event.getSettingsCiphertext(), event.getSettingsKeys(), event.getSettingsFingerprint());
    }

    @EventSourcingHandler
    void on(GatewayConfigurationDeletedEvent event) {
        deleted = true;
    }

    static SealedSettings sealed(ByteBuffer ciphertext, List<String> keys, String fingerprint) {
        ByteBuffer copy = ciphertext.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new SealedSettings(bytes, keys, fingerprint);
    }
}
