package io.smartrouter.invoice.invoice.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the order is on its way to the customer. Forward only: pending → processing → shipped → delivered; an order
 * can be cancelled before it ships and returned once it shipped. Cancelled and returned are final. Updating the
 * current status again (a new tracking number, a note) is allowed except in the final states.
 */
public enum FulfillmentStatus {
    PENDING,
    PROCESSING,
    SHIPPED,
    DELIVERED,
    RETURNED,
    CANCELLED;

    private static final Map<FulfillmentStatus, Set<FulfillmentStatus>> NEXT = Map.of(
            PENDING, Set.of(PENDING, PROCESSING, SHIPPED, DELIVERED, CANCELLED),
            PROCESSING, Set.of(PROCESSING, SHIPPED, DELIVERED, CANCELLED),
            SHIPPED, Set.of(SHIPPED, DELIVERED, RETURNED),
            DELIVERED, Set.of(DELIVERED, RETURNED),
            RETURNED, Set.of(),
            CANCELLED, Set.of());

    public boolean canMoveTo(FulfillmentStatus next) {
        return NEXT.get(this).contains(next);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FulfillmentStatus> fromWire(String value) {
        for (FulfillmentStatus status : values()) {
            if (status.wire().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
