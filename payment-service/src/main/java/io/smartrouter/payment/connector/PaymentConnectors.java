package io.smartrouter.payment.connector;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connectors of this service, by gateway name (one per PSP package). */
public final class PaymentConnectors {

    private final Map<String, PaymentConnector> byGateway;

    public PaymentConnectors(List<PaymentConnector> connectors) {
        this.byGateway = connectors.stream().collect(Collectors.toUnmodifiableMap(PaymentConnector::gateway,
                Function.identity()));
    }

    /** The connector of {@code gateway}, if this service has one. */
    public Optional<PaymentConnector> find(String gateway) {
        return Optional.ofNullable(byGateway.get(gateway));
    }

    /** The connector of {@code gateway}; a gateway without one is a deployment error. */
    public PaymentConnector get(String gateway) {
        return find(gateway).orElseThrow(() -> new IllegalStateException("No connector for gateway " + gateway));
    }

    public List<PaymentConnector> all() {
        return List.copyOf(byGateway.values());
    }
}
