package io.smartrouter.payment.gateway.query;

import io.smartrouter.payment.gateway.api.SealedSettings;
import io.smartrouter.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A gateway configuration as the read model keeps it; the settings only as ciphertext. */
@Entity
@Table(name = "gateway_configuration", indexes = {
    @Index(name = "gateway_configuration_project_created", columnList = "project_id, created_at")})
public class GatewayConfigurationRecord extends AssignedIdEntity {

    @Id
    @Column(name = "gateway_configuration_id", length = 64)
    private String id;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "gateway", length = 64, nullable = false)
    private String gateway;

    @Column(name = "name", length = 255, nullable = false)
    private String name;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "settings_ciphertext", length = 65_536, nullable = false)
    private byte[] settingsCiphertext;

    @Column(name = "settings_keys", length = 4_000, nullable = false)
    private String settingsKeys;

    @Column(name = "settings_fingerprint", length = 64, nullable = false)
    private String settingsFingerprint;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected GatewayConfigurationRecord() {
        // for JPA
    }

    @Override
    public String getId() {
        return id;
    }

    GatewayConfigurationRecord(String id, String projectId, String gateway, Instant createdAt) {
        this.id = id;
        this.projectId = projectId;
        this.gateway = gateway;
        this.createdAt = createdAt;
    }

    void update(String newName, boolean newEnabled, SealedSettings settings, Instant at) {
        this.name = newName;
        this.enabled = newEnabled;
        this.settingsCiphertext = settings.ciphertext();
        this.settingsKeys = String.join(",", settings.keys());
        this.settingsFingerprint = settings.fingerprint();
        this.updatedAt = at;
    }

    void delete(Instant at) {
        this.deleted = true;
        this.enabled = false;
        this.updatedAt = at;
    }

    GatewayConfigurationView view() {
        return new GatewayConfigurationView(id, projectId, gateway, name, enabled, deleted,
                settingsKeys.isEmpty() ? List.of() : Arrays.asList(settingsKeys.split(",")), settingsFingerprint,
                createdAt, updatedAt);
    }

    SealedSettings sealedSettings() {
        return new SealedSettings(settingsCiphertext, view().settingsKeys(), settingsFingerprint);
    }
}
