package io.smartrouter.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.gateway.idempotency.IdempotencyStore.Claim;
import io.smartrouter.gateway.idempotency.IdempotencyStore.StoredResponse;
import io.smartrouter.gateway.support.GatewayDatabase;
import io.smartrouter.platform.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The claim rules, with the clock in the test's hands: leases, retention, the purge. */
class IdempotencyStoreTests {

    static final String PROJECT = "test-proj_demo";
    static final StoredResponse CREATED = new StoredResponse(200, "application/json",
            "{\"success\":true}".getBytes(StandardCharsets.UTF_8));

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
    final JdbcClient jdbc = GatewayDatabase.jdbc("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
    final IdempotencyStore store = new IdempotencyStore(jdbc, clock, Duration.ofHours(24), Duration.ofSeconds(60));

    @Test
    void theFirstClaimRunsAndLaterOnesWaitThenReplay() {
        Claim first = store.claim(PROJECT, "k1", "hash-a");
        assertThat(first).isInstanceOf(Claim.Run.class);
        assertThat(store.claim(PROJECT, "k1", "hash-a")).isInstanceOf(Claim.InProgress.class);
        assertThat(store.claim(PROJECT, "k1", "hash-b")).isInstanceOf(Claim.KeyReused.class);

        assertThat(store.complete(PROJECT, "k1", ((Claim.Run) first).owner(), CREATED)).isTrue();
        assertThat(store.claim(PROJECT, "k1", "hash-a")).isEqualTo(new Claim.Replay(CREATED));
        assertThat(store.claim(PROJECT, "k1", "hash-b")).isInstanceOf(Claim.KeyReused.class);
        assertThat(store.claim("test-proj_other", "k1", "hash-b")).isInstanceOf(Claim.Run.class);
    }

    @Test
    void aRunWhoseGatewayDiedIsTakenOverAfterItsLease() {
        Claim.Run crashed = (Claim.Run) store.claim(PROJECT, "k2", "hash-a");
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.claim(PROJECT, "k2", "hash-a")).isInstanceOf(Claim.InProgress.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(store.claim(PROJECT, "k2", "hash-b")).isInstanceOf(Claim.KeyReused.class);
        Claim retry = store.claim(PROJECT, "k2", "hash-a");
        assertThat(retry).isInstanceOf(Claim.Run.class);
        assertThat(store.claim(PROJECT, "k2", "hash-a")).isInstanceOf(Claim.InProgress.class);

        // The crashed run, should it come back, no longer owns the key.
        assertThat(store.complete(PROJECT, "k2", crashed.owner(), CREATED)).isFalse();
        store.release(PROJECT, "k2", crashed.owner());
        assertThat(store.claim(PROJECT, "k2", "hash-a")).isInstanceOf(Claim.InProgress.class);
        assertThat(store.complete(PROJECT, "k2", ((Claim.Run) retry).owner(), CREATED)).isTrue();
        assertThat(store.claim(PROJECT, "k2", "hash-a")).isInstanceOf(Claim.Replay.class);
    }

    @Test
    void aReleasedKeyRunsAgain() {
        Claim.Run run = (Claim.Run) store.claim(PROJECT, "k3", "hash-a");
        store.release(PROJECT, "k3", run.owner());
        assertThat(store.claim(PROJECT, "k3", "hash-b")).isInstanceOf(Claim.Run.class);
    }

    @Test
    void keysExpireAfterTheRetentionAndArePurged() {
        Claim.Run run = (Claim.Run) store.claim(PROJECT, "k4", "hash-a");
        store.complete(PROJECT, "k4", run.owner(), CREATED);
        store.complete(PROJECT, "k5", ((Claim.Run) store.claim(PROJECT, "k5", "hash-a")).owner(), CREATED);
        clock.advance(Duration.ofHours(23));
        assertThat(store.purgeExpired()).isZero();
        assertThat(store.claim(PROJECT, "k4", "hash-a")).isInstanceOf(Claim.Replay.class);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        // Past the retention a key is free again, purged or not.
        assertThat(store.claim(PROJECT, "k4", "hash-b")).isInstanceOf(Claim.Run.class);
        assertThat(store.purgeExpired()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM gateway_idempotency_key").query(Long.class).single()).isEqualTo(1);
        assertThat(store.claim(PROJECT, "k5", "hash-b")).isInstanceOf(Claim.Run.class);
    }
}
