package io.smartrouter.simulator.psp;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One simulated PSP: its settings, its random draws, and its memory (operations by idempotency key, authorizations by
 * id). Everything is in memory and guarded by this object's lock; the work under it is a few map operations, never
 * I/O, so calling it from an event loop is fine. A restart of the simulator forgets everything.
 *
 * <p>The card number passes through {@link #authorize} to derive the card's segment and test-card behaviour; it is
 * never stored, not even in part.
 */
public final class SimulatedPsp {

    /** The API.md test cards that decline, whatever the approval rate. */
    static final Map<String, DeclineReason> TEST_CARD_DECLINES = Map.of(
            "4000000000000002", DeclineReason.GENERIC_DECLINE,
            "4000000000002180", DeclineReason.DO_NOT_HONOR,
            "4000000000002206", DeclineReason.INSUFFICIENT_FUNDS,
            "4000000000002222", DeclineReason.STOLEN_CARD);
    static final List<DeclineReason> RANDOM_DECLINES = List.of(DeclineReason.GENERIC_DECLINE,
            DeclineReason.DO_NOT_HONOR, DeclineReason.INSUFFICIENT_FUNDS);
    /** The 99th percentile of the standard normal distribution. */
    private static final double Z_99 = 2.3263478740408408;

    private final String name;
    private final Clock clock;
    private PspSettings settings;
    private Random random;
    private final Map<String, Recorded> operations = new HashMap<>();
    private final Map<String, Authorization> authorizations = new HashMap<>();

    public SimulatedPsp(String name, PspSettings settings, Clock clock) {
        this.name = name;
        this.clock = clock;
        this.random = new Random();
        configure(settings);
    }

    public String name() {
        return name;
    }

    public synchronized PspSettings settings() {
        return settings;
    }

    /** Replaces the settings (the memory stays); a seed restarts the random draws from it. */
    public synchronized void configure(PspSettings newSettings) {
        newSettings.validate();
        this.settings = newSettings;
        if (newSettings.seed() != null) {
            this.random = new Random(newSettings.seed());
        }
    }

    public synchronized boolean down() {
        return settings.outage();
    }

    /** What goes wrong with the next operation request, by the error rates. */
    public synchronized Fault nextFault() {
        PspSettings.Errors errors = settings.errors();
        double draw = random.nextDouble();
        if (draw < errors.notProcessedRate()) {
            return Fault.NOT_PROCESSED;
        }
        draw -= errors.notProcessedRate();
        if (draw < errors.internalErrorRate()) {
            return random.nextDouble() < errors.internalErrorProcessedShare() ? Fault.INTERNAL_ERROR_AFTER
                    : Fault.INTERNAL_ERROR_BEFORE;
        }
        draw -= errors.internalErrorRate();
        return draw < errors.hangRate() ? Fault.HANG : Fault.NONE;
    }

    /** The delay of the next answer: base + log-normal(median, p99). */
    public synchronized Duration nextLatency() {
        PspSettings.Latency latency = settings.latency();
        double millis = latency.baseMs();
        if (latency.medianMs() > 0) {
            double sigma = Math.log((double) latency.p99Ms() / latency.medianMs()) / Z_99;
            millis += Math.exp(Math.log(latency.medianMs()) + sigma * random.nextGaussian());
        }
        return Duration.ofMillis(Math.round(Math.min(millis, PspSettings.Latency.MAX_MS)));
    }

    /** How long a hanging answer is held. */
    public synchronized Duration hang() {
        return Duration.ofMillis(settings.errors().hangMs());
    }

    /** Authorizes once per idempotency key: the API.md decline test cards decline, others by the approval rate. */
    public synchronized Result authorize(String key, AuthorizeRequest request) {
        String fingerprint = String.join("|", "authorization", Long.toString(request.amount()), request.currency(),
                last4(request.cardNumber()), String.valueOf(request.merchantReference()));
        return once(key, fingerprint, () -> {
            DeclineReason decline = TEST_CARD_DECLINES.get(request.cardNumber());
            if (decline == null) {
                double rate = settings.approval().rateFor(CardSegment.of(request.cardNumber()));
                if (random.nextDouble() >= rate) {
                    decline = RANDOM_DECLINES.get(random.nextInt(RANDOM_DECLINES.size()));
                }
            }
            if (decline != null) {
                return declined(key, "authorization", null, decline, request.amount(), request.currency(),
                        request.merchantReference());
            }
            Authorization authorization = new Authorization(newId("auth_"), request.amount(), request.currency());
            authorizations.put(authorization.id, authorization);
            return new PspOperation(authorization.id, "authorization", key, PspOperation.APPROVED, authorization.id,
                    null, null, request.amount(), request.currency(), request.merchantReference(), clock.instant());
        });
    }

    public synchronized Result capture(String key, String authorizationId, long amount, String currency) {
        return onAuthorization(key, "capture", authorizationId, amount, currency, authorization -> {
            if (authorization.voided) {
                return DeclineReason.INVALID_STATE;
            }
            if (amount > authorization.amount - authorization.captured) {
                return DeclineReason.AMOUNT_EXCEEDED;
            }
            authorization.captured += amount;
            return null;
        });
    }

    public synchronized Result voidAuthorization(String key, String authorizationId) {
        return onAuthorization(key, "void", authorizationId, null, null, authorization -> {
            if (authorization.voided || authorization.captured > 0) {
                return DeclineReason.INVALID_STATE;
            }
            authorization.voided = true;
            return null;
        });
    }

    public synchronized Result refund(String key, String authorizationId, long amount, String currency) {
        return onAuthorization(key, "refund", authorizationId, amount, currency, authorization -> {
            if (authorization.captured == 0) {
                return DeclineReason.INVALID_STATE;
            }
            if (amount > authorization.captured - authorization.refunded) {
                return DeclineReason.AMOUNT_EXCEEDED;
            }
            authorization.refunded += amount;
            return null;
        });
    }

    /** The outcome recorded under {@code key}, if this PSP ever did that operation. */
    public synchronized Optional<PspOperation> lookup(String key) {
        return Optional.ofNullable(operations.get(key)).map(Recorded::operation);
    }

    public synchronized int operationCount() {
        return operations.size();
    }

    public synchronized int authorizationCount() {
        return authorizations.size();
    }

    private Result onAuthorization(String key, String type, String authorizationId, Long amount, String currency,
            Decision decision) {
        String fingerprint = String.join("|", type, authorizationId, String.valueOf(amount), String.valueOf(currency));
        return once(key, fingerprint, () -> {
            Authorization authorization = authorizations.get(authorizationId);
            DeclineReason decline;
            if (authorization == null) {
                decline = DeclineReason.UNKNOWN_AUTHORIZATION;
            } else if (currency != null && !currency.equals(authorization.currency)) {
                decline = DeclineReason.CURRENCY_MISMATCH;
            } else {
                decline = decision.apply(authorization);
            }
            if (decline != null) {
                return declined(key, type, authorizationId, decline, amount, currency, null);
            }
            return new PspOperation(newId("op_"), type, key, PspOperation.APPROVED, authorizationId, null, null, amount,
                    currency, null, clock.instant());
        });
    }

    private Result once(String key, String fingerprint, Supplier<PspOperation> operation) {
        Recorded recorded = operations.get(key);
        if (recorded != null) {
            if (!recorded.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException();
            }
            return new Result(recorded.operation(), true);
        }
        PspOperation done = operation.get();
        operations.put(key, new Recorded(fingerprint, done));
        return new Result(done, false);
    }

    private PspOperation declined(String key, String type, String authorizationId, DeclineReason reason, Long amount,
            String currency, String merchantReference) {
        return new PspOperation(newId("op_"), type, key, PspOperation.DECLINED, authorizationId, reason.wire(),
                reason.hard() ? "do_not_retry" : "retry_later", amount, currency, merchantReference, clock.instant());
    }

    private static String last4(String digits) {
        return digits.substring(digits.length() - 4);
    }

    private static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** An authorization request as the PSP sees it: the card number in digits only. */
    public record AuthorizeRequest(long amount, String currency, String cardNumber, String initiationType,
            String merchantReference) {

        @Override
        public String toString() {
            return "AuthorizeRequest[amount=" + amount + ", currency=" + currency + ", card=…" + last4(cardNumber)
                    + ", initiationType=" + initiationType + ", merchantReference=" + merchantReference + "]";
        }
    }

    /** An outcome, and whether it is the answer to a replay (the operation was done by an earlier request). */
    public record Result(PspOperation operation, boolean replayed) {
    }

    private record Recorded(String fingerprint, PspOperation operation) {
    }

    /** Checks and applies an operation to a locked authorization: null when done, else why it is declined. */
    private interface Decision {
        DeclineReason apply(Authorization authorization);
    }

    private static final class Authorization {
        private final String id;
        private final long amount;
        private final String currency;
        private long captured;
        private long refunded;
        private boolean voided;

        Authorization(String id, long amount, String currency) {
            this.id = id;
            this.amount = amount;
            this.currency = currency;
        }
    }
}
