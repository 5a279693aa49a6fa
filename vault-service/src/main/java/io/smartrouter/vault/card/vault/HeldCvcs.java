package io.smartrouter.vault.card.vault;

import io.smartrouter.platform.card.Cvc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CVCs between tokenization and the first authorization, in memory only: never written to disk, an event or a log,
 * and forgotten when used, when the card is used otherwise, or after the retention period. A restarted vault has
 * none; the authorization then goes ahead without a CVC, as for a saved card.
 */
final class HeldCvcs {

    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Held> byCard = new ConcurrentHashMap<>();
    private final Duration retention;
    private final Clock clock;

    HeldCvcs(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    void hold(String cardId, Cvc cvc) {
        Instant now = clock.instant();
        if (byCard.size() > SWEEP_ABOVE) {
            byCard.values().removeIf(held -> held.expiresAt().isBefore(now));
        }
        byCard.put(cardId, new Held(cvc, now.plus(retention)));
    }

    /** Removes and returns the card's CVC, if one is still held. */
    Optional<Cvc> take(String cardId) {
        Held held = byCard.remove(cardId);
        return held == null || held.expiresAt().isBefore(clock.instant()) ? Optional.empty() : Optional.of(held.cvc());
    }

    boolean isHeld(String cardId) {
        Held held = byCard.get(cardId);
        return held != null && !held.expiresAt().isBefore(clock.instant());
    }

    void forget(String cardId) {
        byCard.remove(cardId);
    }

    private record Held(Cvc cvc, Instant expiresAt) {
    }
}
