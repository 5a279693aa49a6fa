package io.smartrouter.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.gateway.idempotency.IdempotencyStore;
import io.smartrouter.gateway.idempotency.IdempotencyStore.Claim;
import io.smartrouter.gateway.idempotency.IdempotencyStore.StoredResponse;
import io.smartrouter.gateway.project.ProjectStore;
import io.smartrouter.gateway.project.SecretKeys;
import io.smartrouter.gateway.support.GatewayDatabase;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.testing.MutableClock;
import io.smartrouter.platform.testing.RealPostgres;
import io.smartrouter.platform.web.PageParameters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The gateway's tables on the real PostgreSQL server (production's database): the schema, keys, claims. */
@ExtendWith(RealPostgres.class)
class PostgresGatewayDatabaseIntegrationTests {

    static String url;
    static DataSource dataSource;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));

    @BeforeAll
    static void database() {
        url = RealPostgres.freshSchemaUrl("gateway_it");
        dataSource = GatewayDatabase.dataSource(url, RealPostgres.USER);
        // Twice: every instance runs the schema at start-up.
        GatewayDatabase.dataSource(url, RealPostgres.USER);
    }

    @AfterAll
    static void drop() {
        RealPostgres.dropSchemaOf(url);
    }

    @Test
    void projectsAndKeysRoundTrip() {
        ProjectStore projects = new ProjectStore(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
        var created = projects.create("Postgres shop", false);
        assertThat(projects.find(created.project().id())).contains(created.project());
        var credentials = projects.credentials(new ProjectId(created.project().id())).orElseThrow();
        assertThat(credentials.sandbox()).isFalse();
        assertThat(credentials.activeKeyHashes()).singleElement()
                .isEqualTo(SecretKeys.sha256(created.secretKey()));
        var second = projects.addKey(created.project().id()).orElseThrow();
        projects.revoke(created.project().id(), created.key().id());
        assertThat(projects.credentials(new ProjectId(created.project().id())).orElseThrow().activeKeyHashes())
                .singleElement().isEqualTo(SecretKeys.sha256(second.secretKey()));
        assertThat(projects.keys(created.project().id())).hasSize(2);
        assertThat(projects.seed("test-proj_seeded", "Seeded", SecretKeys.sha256Hex("key_test_seeded"))).isTrue();
        assertThat(projects.seed("test-proj_seeded", "Seeded", SecretKeys.sha256Hex("key_test_other"))).isFalse();
        assertThat(projects.list(PageParameters.parse(Map.of(), Set.of(), id -> true, "an id")).projects())
                .hasSize(2);
    }

    @Test
    void exactlyOneOfManyConcurrentClaimsRunsAndTheAnswerIsKeptAsBytes() throws Exception {
        IdempotencyStore store = new IdempotencyStore(JdbcClient.create(dataSource), clock, Duration.ofHours(24),
                Duration.ofSeconds(60));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Claim>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<Claim> claim = () -> store.claim("test-proj_demo", "pg-key", "hash");
                claims.add(pool.submit(claim));
            }
            List<Claim.Run> runs = new ArrayList<>();
            for (Future<Claim> claim : claims) {
                if (claim.get() instanceof Claim.Run run) {
                    runs.add(run);
                } else {
                    assertThat(claim.get()).isInstanceOf(Claim.InProgress.class);
                }
            }
            assertThat(runs).hasSize(1);
            byte[] body = "{\"success\":true,\"é\":\"\\u0000\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(store.complete("test-proj_demo", "pg-key", runs.get(0).owner(),
                    new StoredResponse(201, "application/json", body))).isTrue();
            assertThat(store.claim("test-proj_demo", "pg-key", "hash"))
                    .isEqualTo(new Claim.Replay(new StoredResponse(201, "application/json", body)));
            clock.advance(Duration.ofHours(25));
            assertThat(store.purgeExpired()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
