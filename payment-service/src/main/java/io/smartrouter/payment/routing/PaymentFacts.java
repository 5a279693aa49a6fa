package io.smartrouter.payment.routing;

import io.smartrouter.platform.money.Money;
import java.util.Map;

/**
 * What the router may know of a payment: amount and currency, the card's scheme, issuing country and type (masked
 * card data only; any may be unknown, i.e. null), the initiation type and the invoice's metadata.
 */
public record PaymentFacts(Money amount, String cardScheme, String cardCountry, String cardType, String initiationType,
        Map<String, String> metadata) {

    public PaymentFacts {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
