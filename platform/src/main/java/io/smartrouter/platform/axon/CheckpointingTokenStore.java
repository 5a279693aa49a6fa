package io.smartrouter.platform.axon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A processor's position written to {@code delegate} at most once per {@code interval} instead of with every batch,
 * for processors whose handlers are idempotent downstream: the Kafka publisher, whose position only says where to
 * resume after a restart (ADR 0022). Each skipped write saves the batch a commit — on H2 (the embedded default) a chunk
 * written to the file.
 * <p>
 * A batch's position is remembered only once its transaction has committed, and written with a later batch, with the
 * claim extension the processor makes when it runs out of events, or when it releases its claim. After a crash the
 * processor resumes from the last written position and handles at most an interval's events again (at-least-once).
 * Busy or idle, the claim is refreshed at least every interval, far within the store's claim timeout.
 */
public final class CheckpointingTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final Duration interval;
    private final Clock clock;
    /** Committed positions not written yet, by segment. */
    private final Map<Integer, TrackingToken> unwritten = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> lastWritten = new ConcurrentHashMap<>();

    public CheckpointingTokenStore(TokenStore delegate, Duration interval, Clock clock) {
        this.delegate = delegate;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        Instant last = lastWritten.get(segment);
        if (last == null || !clock.instant().isBefore(last.plus(interval))) {
            delegate.storeToken(token, processorName, segment);
            afterCommit(() -> written(segment));
        } else {
            afterCommit(() -> unwritten.put(segment, token));
        }
    }

    /** Writes the segment's last committed position, if one is waiting; otherwise only extends the claim. */
    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        TrackingToken waiting = unwritten.get(segment);
        if (waiting == null) {
            delegate.extendClaim(processorName, segment);
        } else {
            delegate.storeToken(waiting, processorName, segment);
            afterCommit(() -> written(segment));
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        TrackingToken waiting = unwritten.remove(segment);
        if (waiting != null) {
            delegate.storeToken(waiting, processorName, segment);
        }
        lastWritten.remove(segment);
        delegate.releaseClaim(processorName, segment);
    }

    /** A (re)claimed segment starts from what the store holds; nothing remembered before counts any more. */
    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        forget(segment);
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        forget(segment.getSegmentId());
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        forget(segment);
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }

    /** The segment's position is written: nothing waits (one thread holds a segment's claim, so nothing newer came). */
    private void written(int segment) {
        unwritten.remove(segment);
        lastWritten.put(segment, clock.instant());
    }

    private void forget(int segment) {
        unwritten.remove(segment);
        lastWritten.remove(segment);
    }

    /** Runs {@code action} once the current transaction commits, or now when there is none. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
