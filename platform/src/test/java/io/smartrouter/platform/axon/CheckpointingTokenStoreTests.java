package io.smartrouter.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CheckpointingTokenStoreTests {

    private static final String PROCESSOR = "kafka-publisher";
    private static final int SEGMENT = 0;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemoryTokenStore stored = new InMemoryTokenStore();
    private final CheckpointingTokenStore store = new CheckpointingTokenStore(stored, Duration.ofSeconds(1), clock);

    @BeforeEach
    void claimed() {
        stored.initializeTokenSegments(PROCESSOR, 1);
        store.fetchToken(PROCESSOR, SEGMENT);
    }

    @AfterEach
    void noTransactionLeft() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void writesTheFirstPositionAndThenAtMostOncePerInterval() {
        inTransaction(() -> store.storeToken(at(1), PROCESSOR, SEGMENT), true);
        assertThat(written()).isEqualTo(at(1));

        clock.advance(Duration.ofMillis(400));
        inTransaction(() -> store.storeToken(at(2), PROCESSOR, SEGMENT), true);
        clock.advance(Duration.ofMillis(400));
        inTransaction(() -> store.storeToken(at(3), PROCESSOR, SEGMENT), true);
        assertThat(written()).isEqualTo(at(1));

        clock.advance(Duration.ofMillis(200));
        inTransaction(() -> store.storeToken(at(4), PROCESSOR, SEGMENT), true);
        assertThat(written()).isEqualTo(at(4));
    }

    @Test
    void writesTheLastCommittedPositionWhenTheProcessorRunsOutOfEvents() {
        inTransaction(() -> store.storeToken(at(1), PROCESSOR, SEGMENT), true);
        inTransaction(() -> store.storeToken(at(2), PROCESSOR, SEGMENT), true);

        inTransaction(() -> store.extendClaim(PROCESSOR, SEGMENT), true);

        assertThat(written()).isEqualTo(at(2));
    }

    @Test
    void neverWritesThePositionOfABatchThatRolledBack() {
        inTransaction(() -> store.storeToken(at(1), PROCESSOR, SEGMENT), true);
        inTransaction(() -> store.storeToken(at(2), PROCESSOR, SEGMENT), false);

        inTransaction(() -> store.extendClaim(PROCESSOR, SEGMENT), true);
        clock.advance(Duration.ofSeconds(5));
        store.releaseClaim(PROCESSOR, SEGMENT);

        assertThat(written()).isEqualTo(at(1));
    }

    @Test
    void writesTheLastCommittedPositionBeforeReleasingTheClaim() {
        inTransaction(() -> store.storeToken(at(1), PROCESSOR, SEGMENT), true);
        inTransaction(() -> store.storeToken(at(7), PROCESSOR, SEGMENT), true);

        store.releaseClaim(PROCESSOR, SEGMENT);

        assertThat(written()).isEqualTo(at(7));
    }

    @Test
    void aReclaimedSegmentStartsFromTheWrittenPosition() {
        inTransaction(() -> store.storeToken(at(1), PROCESSOR, SEGMENT), true);
        inTransaction(() -> store.storeToken(at(2), PROCESSOR, SEGMENT), true);

        assertThat(store.fetchToken(PROCESSOR, SEGMENT)).isEqualTo(at(1));
        inTransaction(() -> store.extendClaim(PROCESSOR, SEGMENT), true);

        assertThat(written()).isEqualTo(at(1));
    }

    private TrackingToken written() {
        return stored.fetchToken(PROCESSOR, SEGMENT);
    }

    private static TrackingToken at(long index) {
        return new GlobalSequenceTrackingToken(index);
    }

    /** Runs {@code work} as a Spring transaction would, then fires the commit (or rollback) callbacks. */
    private static void inTransaction(Runnable work, boolean commits) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.run();
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (commits) {
                    synchronization.afterCommit();
                }
                synchronization.afterCompletion(commits ? TransactionSynchronization.STATUS_COMMITTED
                        : TransactionSynchronization.STATUS_ROLLED_BACK);
            }
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
