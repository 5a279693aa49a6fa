package io.smartrouter.platform.axon;

import io.smartrouter.platform.id.Ids;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message ids with 128 random bits (a UUID has 122). An event's id becomes its public id ({@code ev_…}), so it
 * follows the same rules as every other id. Registered through {@code META-INF/services}.
 */
public class RandomIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return Ids.random();
    }
}
