package io.smartrouter.payment.gateway.query;

import io.smartrouter.payment.gateway.api.SealedSettings;
import io.smartrouter.schemas.routing.GatewayConfigurationCreatedEvent;
import io.smartrouter.schemas.routing.GatewayConfigurationDeletedEvent;
import io.smartrouter.schemas.routing.GatewayConfigurationUpdatedEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway configurations read model, kept in the command's transaction (a subscribing processor), so a
 * configuration is usable as soon as its creation is answered. Reads never return settings in clear.
 */
@Component
@ProcessingGroup(GatewayConfigurations.PROCESSING_GROUP)
public class GatewayConfigurations {

    public static final String PROCESSING_GROUP = "routing-configuration";

    private final GatewayConfigurationRecordRepository configurations;

    GatewayConfigurations(GatewayConfigurationRecordRepository configurations) {
        this.configurations = configurations;
    }

    @EventHandler
    void on(GatewayConfigurationCreatedEvent event) {
        var row = new GatewayConfigurationRecord(event.getGatewayConfigurationId(), event.getProjectId(),
                event.getGateway(), event.getCreatedAt());
        row.update(event.getName(), event.getEnabled(),
                sealed(event.getSettingsCiphertext(), event.getSettingsKeys(), event.getSettingsFingerprint()),
                event.getCreatedAt());
        configurations.save(row);
    }

    @EventHandler
    void on(GatewayConfigurationUpdatedEvent event) {
        configurations.findById(event.getGatewayConfigurationId()).ifPresent(row -> {
            row.update(event.getName(), event.getEnabled(),
                    sealed(event.getSettingsCiphertext(), event.getSettingsKeys(), event.getSettingsFingerprint()),
                    event.getUpdatedAt());
            configurations.save(row);
        });
    }

    @EventHandler
    void on(GatewayConfigurationDeletedEvent event) {
        configurations.findById(event.getGatewayConfigurationId()).ifPresent(row -> {
            row.delete(event.getDeletedAt());
            configurations.save(row);
        });
    }

    /** The project's configuration, unless deleted or another project's. */
    @Transactional(readOnly = true)
    public Optional<GatewayConfigurationView> find(String projectId, String id) {
        return configurations.findById(id).map(GatewayConfigurationRecord::view)
                .filter(view -> view.projectId().equals(projectId) && !view.deleted());
    }

    /** The project's configurations (not deleted), oldest first. */
    @Transactional(readOnly = true)
    public List<GatewayConfigurationView> list(String projectId) {
        return configurations.findByProjectIdAndDeletedFalseOrderByCreatedAtAscIdAsc(projectId).stream()
                .map(GatewayConfigurationRecord::view).toList();
    }

    /** Any configuration by id, deleted ones included: operations of the transactions it authorized still go to it. */
    @Transactional(readOnly = true)
    public Optional<Sealed> sealed(String id) {
        return configurations.findById(id).map(row -> new Sealed(row.view(), row.sealedSettings()));
    }

    /** Every configuration not deleted, of every project (whose connectors report disputes). */
    @Transactional(readOnly = true)
    public List<GatewayConfigurationView> all() {
        return configurations.findByDeletedFalse().stream().map(GatewayConfigurationRecord::view).toList();
    }

    /** A configuration with its sealed settings, for making its connector. */
    public record Sealed(GatewayConfigurationView configuration, SealedSettings settings) {
    }

    private static SealedSettings sealed(ByteBuffer ciphertext, List<String> keys, String fingerprint) {
        ByteBuffer copy = ciphertext.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new SealedSettings(bytes, keys, fingerprint);
    }
}
