package io.smartrouter.payment.gateway;

import io.smartrouter.payment.connector.ConnectorFactories;
import io.smartrouter.payment.connector.ConnectorFactory;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.gateway.query.GatewayConfigurations;
import io.smartrouter.payment.gateway.settings.SettingsCipher;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connector of a gateway configuration id: its gateway's factory applied to its decrypted settings, kept while the
 * settings' fingerprint stays the same. The id {@value #BUILT_IN_SANDBOX} is the built-in sandbox configuration every
 * sandbox project has (no settings). Deleted and disabled configurations still resolve: captures, voids and refunds of
 * the transactions they authorized must reach them.
 */
public class GatewayConnectors {

    /** The built-in configuration id of the sandbox gateway. */
    public static final String BUILT_IN_SANDBOX = "sandbox";

    private final ConnectorFactories factories;
    private final GatewayConfigurations configurations;
    private final SettingsCipher cipher;
    private final Map<String, Connected> connected = new ConcurrentHashMap<>();

    public GatewayConnectors(ConnectorFactories factories, GatewayConfigurations configurations, SettingsCipher cipher) {
        this.factories = factories;
        this.configurations = configurations;
        this.cipher = cipher;
    }

    /** A configuration's gateway name and connector. Blocking (a database read): call it off the event loop. */
    public Optional<Connected> find(String gatewayConfigurationId) {
        if (BUILT_IN_SANDBOX.equals(gatewayConfigurationId)) {
            return factories.find(BUILT_IN_SANDBOX).map(factory -> connected.computeIfAbsent(BUILT_IN_SANDBOX,
                    id -> new Connected(id, BUILT_IN_SANDBOX, "", factory.connect(Map.of()))));
        }
        return configurations.sealed(gatewayConfigurationId).flatMap(sealed -> {
            var configuration = sealed.configuration();
            Connected known = connected.get(configuration.id());
            if (known != null && known.fingerprint().equals(configuration.settingsFingerprint())) {
                return Optional.of(known);
            }
            Optional<ConnectorFactory> factory = factories.find(configuration.gateway());
            return factory.map(found -> {
                var settings = cipher.open(configuration.projectId(), configuration.id(), sealed.settings());
                var made = new Connected(configuration.id(), configuration.gateway(),
                        configuration.settingsFingerprint(), found.connect(settings));
                connected.put(configuration.id(), made);
                return made;
            });
        });
    }

    /** A configuration's connector; one that cannot be resolved is a deployment error (its factory is gone). */
    public PaymentConnector get(String gatewayConfigurationId) {
        return find(gatewayConfigurationId).map(Connected::connector).orElseThrow(() -> new IllegalStateException(
                "No connector for gateway configuration " + gatewayConfigurationId));
    }

    /** Each distinct connector once: the built-in sandbox and every configuration's (for dispute feeds). */
    public List<PaymentConnector> all() {
        Map<PaymentConnector, Boolean> distinct = new IdentityHashMap<>();
        find(BUILT_IN_SANDBOX).ifPresent(sandbox -> distinct.put(sandbox.connector(), true));
        for (var configuration : configurations.all()) {
            find(configuration.id()).ifPresent(found -> distinct.put(found.connector(), true));
        }
        return new ArrayList<>(distinct.keySet());
    }

    /** A configuration's connector and the gateway it belongs to. */
    public record Connected(String gatewayConfigurationId, String gateway, String fingerprint,
            PaymentConnector connector) {
    }
}
