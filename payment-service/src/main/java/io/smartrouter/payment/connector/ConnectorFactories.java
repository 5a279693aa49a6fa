package io.smartrouter.payment.connector;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connector factories of this service, by gateway name (one per PSP package). */
public final class ConnectorFactories {

    private final Map<String, ConnectorFactory> byGateway;

    public ConnectorFactories(List<ConnectorFactory> factories) {
        this.byGateway = factories.stream().collect(Collectors.toUnmodifiableMap(ConnectorFactory::gateway,
                Function.identity()));
    }

    /** The factory of {@code gateway}, if this service has one. */
    public Optional<ConnectorFactory> find(String gateway) {
        return Optional.ofNullable(byGateway.get(gateway));
    }

    /** The gateway names a configuration may choose. */
    public Set<String> gateways() {
        return new TreeSet<>(byGateway.keySet());
    }
}
