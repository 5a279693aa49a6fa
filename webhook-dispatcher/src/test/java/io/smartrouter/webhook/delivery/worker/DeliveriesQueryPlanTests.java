package io.smartrouter.webhook.delivery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.webhook.config.DispatcherSchema;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The worker searches the schedule many times a second, so its searches must cost what they return, not what is
 * waiting: on H2 (the embedded default) they read their index in order and stop at the limit, however large a slow
 * receiver's backlog. Checked with H2's own plan and row count ({@code EXPLAIN ANALYZE}) of the statements
 * {@link Deliveries} really runs, on a schedule with 3,000 due rows of a full lane and a few of another.
 */
class DeliveriesQueryPlanTests {

    private static final long NOW = 1_000_000;

    private final List<String> statements = new ArrayList<>();
    private Connection connection;
    private SingleConnectionDataSource database;
    private Deliveries deliveries;

    @BeforeEach
    void schedule() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:plans");
        database = new SingleConnectionDataSource(recording(connection), true);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        DispatcherSchema.create(jdbc);
        jdbc.update("INSERT INTO webhook_delivery (delivery_id, event_id, project_id, receiver, lane, status, attempts, "
                + "round_attempts, trigger_type, next_attempt_at, created_at, updated_at) SELECT 'whd_' || X, 'ev_' || X, "
                + "'proj', CASE WHEN X <= 3000 THEN 'slow' ELSE 'fast' END, CASE WHEN X <= 3000 THEN 'slow' ELSE 'fast' "
                + "END, 'pending', 0, 0, 'automatic', X, X, X FROM SYSTEM_RANGE(1, 3010)");
        jdbc.execute("ANALYZE");
        deliveries = new Deliveries(jdbc);
        statements.clear();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void theDueSearchStopsAtItsLimitPastAFullLanesBacklog() throws SQLException {
        assertThat(deliveries.hold("slow", Instant.ofEpochMilli(NOW))).isEqualTo(3000);
        assertThat(plan(last("UPDATE"), "held", "pending", "slow", NOW)).contains("WEBHOOK_DELIVERY_LANE");

        assertThat(deliveries.due(Instant.ofEpochMilli(NOW), 5, Set.of("slow"))).extracting(Deliveries.Delivery::id)
                .containsExactly("whd_3001", "whd_3002", "whd_3003", "whd_3004", "whd_3005");
        assertThat(plan(last("SELECT"), "pending", NOW, "slow")).contains("index sorted").contains("scanCount: 5");

        assertThat(deliveries.held("slow", 4)).extracting(Deliveries.Delivery::id)
                .containsExactly("whd_1", "whd_2", "whd_3", "whd_4");
        assertThat(plan(last("SELECT"), "held", "slow")).contains("WEBHOOK_DELIVERY_LANE").contains("index sorted")
                .contains("scanCount: 4");
    }

    private String last(String verb) {
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (statements.get(i).startsWith(verb)) {
                return statements.get(i);
            }
        }
        throw new AssertionError("No " + verb + " in " + statements);
    }

    /** H2's plan of {@code sql} with these parameters, run ({@code EXPLAIN ANALYZE} counts the rows it read). */
    private String plan(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                return plan.getString(1);
            }
        }
    }

    /** The connection, noting every statement prepared on it. */
    private Connection recording(Connection h2) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("prepareStatement")) {
                        statements.add((String) arguments[0]);
                    }
                    return method.invoke(h2, arguments);
                });
    }
}
