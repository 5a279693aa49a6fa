package io.smartrouter.payment.connector;

import io.smartrouter.platform.card.Cvc;
import io.smartrouter.platform.card.Pan;

/**
 * The card sent to a PSP for one authorization, as the vault released it. {@code cvc} is null when none is held (a
 * saved card, or a vault restarted since tokenization). {@link Pan} and {@link Cvc} print masked.
 */
public record ConnectorCard(Pan pan, Cvc cvc, int expMonth, int expYear, String name) {
}
