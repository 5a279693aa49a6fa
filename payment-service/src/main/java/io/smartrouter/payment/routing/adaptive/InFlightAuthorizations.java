package io.smartrouter.payment.routing.adaptive;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pairs each authorization operation's start (gateway configuration, card segment, start time) with its outcome, as
 * the payments topic tells them apart, and feeds the pair to the {@link GatewayLearner} with its latency.
 *
 * <p>Memory is bounded: an operation without an outcome after {@code timeout} (measured in event time, the latest
 * event seen, so a replay of history behaves like the live stream) is recorded as a gateway error with
 * {@code timeout} as its latency — the PSP did not answer in time, which is what the router experienced; a 3-D
 * Secure challenge waits for the customer instead and is forgotten after {@code challengeTimeout} without counting
 * (an abandoned challenge is the customer's doing). Completed operation ids are remembered for the learner's window so
 * a redelivered start or outcome is never counted twice; both maps also stop at {@code maxEntries}, dropping the
 * oldest. Thread-safe (one lock; the work per event is a few map operations).
 */
public final class InFlightAuthorizations {

    /** {@code since}: the start, or for a challenge the moment the challenge began. */
    private record Attempt(String configurationId, Segment segment, Instant since, boolean retry) {
    }

    private record Card(String key, Instant seen) {
    }

    private final GatewayLearner learner;
    private final Duration timeout;
    private final Duration challengeTimeout;
    private final Duration remember;
    private final int maxEntries;
    private final LinkedHashMap<String, Attempt> inFlight = new LinkedHashMap<>();
    private final LinkedHashMap<String, Attempt> challenges = new LinkedHashMap<>();
    private final LinkedHashMap<String, Instant> completed = new LinkedHashMap<>();
    private final LinkedHashMap<String, Card> cardsByTransaction = new LinkedHashMap<>();
    private Instant watermark = Instant.EPOCH;

    public InFlightAuthorizations(GatewayLearner learner, Duration timeout, Duration challengeTimeout,
            int maxEntries) {
        this.learner = learner;
        this.timeout = timeout;
        this.challengeTimeout = challengeTimeout;
        this.remember = learner.settings().window().plus(challengeTimeout);
        this.maxEntries = maxEntries;
    }

    /**
     * An authorization operation of {@code transactionId} was sent to {@code configurationId}. {@code cardKey}
     * identifies the card without revealing it (e.g. IIN and last 4 digits; {@code null} if unknown): a second attempt
     * with the same card in the same transaction is a retry (the router's fallback, or the customer trying again) and
     * teaches only gateway errors and latency ({@link GatewayLearner#record(String, Segment, AuthorizationOutcome,
     * Duration, Instant, boolean)}).
     */
    public synchronized void started(String operationId, String transactionId, String cardKey, String configurationId,
            Segment segment, Instant startedAt) {
        advance(startedAt);
        if (completed.containsKey(operationId) || inFlight.containsKey(operationId)
                || challenges.containsKey(operationId)) {
            return;
        }
        Card previous = cardsByTransaction.remove(transactionId);
        boolean retry = cardKey != null && previous != null && cardKey.equals(previous.key());
        cardsByTransaction.put(transactionId, new Card(cardKey, startedAt));
        while (cardsByTransaction.size() > maxEntries) {
            removeEldest(cardsByTransaction);
        }
        inFlight.put(operationId, new Attempt(configurationId, segment, startedAt, retry));
        while (inFlight.size() > maxEntries) {
            removeEldest(inFlight);
        }
    }

    /** The operation waits for the customer's 3-D Secure challenge: its latency is not the gateway's any more. */
    public synchronized void challenged(String operationId, Instant at) {
        advance(at);
        Attempt attempt = inFlight.remove(operationId);
        if (attempt != null) {
            challenges.put(operationId, new Attempt(attempt.configurationId(), attempt.segment(), at, attempt.retry()));
            while (challenges.size() > maxEntries) {
                removeEldest(challenges);
            }
        }
    }

    /** The operation has its outcome. Unknown operations (started before the replayed history) are ignored. */
    public synchronized void completed(String operationId, AuthorizationOutcome outcome, Instant at) {
        advance(at);
        Attempt attempt = inFlight.remove(operationId);
        Duration latency = attempt == null ? null : Duration.between(attempt.since(), at);
        if (attempt == null) {
            attempt = challenges.remove(operationId);
            if (attempt == null) {
                return;
            }
        }
        remember(operationId, at);
        learner.record(attempt.configurationId(), attempt.segment(), outcome, latency, at, attempt.retry());
    }

    /** How many operations are awaiting an outcome. */
    public synchronized int inFlight() {
        return inFlight.size() + challenges.size();
    }

    private void advance(Instant at) {
        if (at.isAfter(watermark)) {
            watermark = at;
        }
        // Both maps are in (nearly) time order: stop at the first entry still within its timeout.
        Iterator<Map.Entry<String, Attempt>> attempts = inFlight.entrySet().iterator();
        while (attempts.hasNext()) {
            Map.Entry<String, Attempt> entry = attempts.next();
            Attempt attempt = entry.getValue();
            if (Duration.between(attempt.since(), watermark).compareTo(timeout) <= 0) {
                break;
            }
            learner.record(attempt.configurationId(), attempt.segment(), AuthorizationOutcome.GATEWAY_ERROR, timeout,
                    attempt.since().plus(timeout), attempt.retry());
            remember(entry.getKey(), watermark);
            attempts.remove();
        }
        Iterator<Map.Entry<String, Attempt>> waiting = challenges.entrySet().iterator();
        while (waiting.hasNext()) {
            Map.Entry<String, Attempt> entry = waiting.next();
            if (Duration.between(entry.getValue().since(), watermark).compareTo(challengeTimeout) <= 0) {
                break;
            }
            remember(entry.getKey(), watermark);
            waiting.remove();
        }
        Iterator<Card> cards = cardsByTransaction.values().iterator();
        while (cards.hasNext() && Duration.between(cards.next().seen(), watermark).compareTo(remember) > 0) {
            cards.remove();
        }
        Iterator<Instant> done = completed.values().iterator();
        while (done.hasNext() && Duration.between(done.next(), watermark).compareTo(remember) > 0) {
            done.remove();
        }
    }

    private void remember(String operationId, Instant at) {
        completed.put(operationId, at);
        while (completed.size() > maxEntries) {
            removeEldest(completed);
        }
    }

    private static void removeEldest(LinkedHashMap<String, ?> map) {
        Iterator<String> keys = map.keySet().iterator();
        keys.next();
        keys.remove();
    }
}
