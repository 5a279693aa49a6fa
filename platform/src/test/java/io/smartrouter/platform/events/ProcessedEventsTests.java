package io.smartrouter.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class ProcessedEventsTests {

    private JdbcTemplate jdbc;
    private ProcessedEvents processed;

    @BeforeEach
    void database() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:processed-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE effect (event_id VARCHAR(64))");
        processed = new ProcessedEvents(jdbc, new DataSourceTransactionManager(dataSource), Clock.systemUTC());
    }

    @Test
    void runsAHandlerOncePerEventAndConsumer() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(processed.processOnce("projection", "ev_1", runs::incrementAndGet)).isTrue();
        assertThat(processed.processOnce("projection", "ev_1", runs::incrementAndGet)).isFalse();
        assertThat(processed.processOnce("projection", "ev_2", runs::incrementAndGet)).isTrue();
        assertThat(processed.processOnce("webhooks", "ev_1", runs::incrementAndGet)).isTrue();
        assertThat(runs.get()).isEqualTo(3);
    }

    @Test
    void aFailedHandlerLeavesNeitherItsWritesNorTheMarkSoRedeliveryRunsItAgain() {
        assertThatThrownBy(() -> processed.processOnce("projection", "ev_1", () -> {
            jdbc.update("INSERT INTO effect VALUES ('ev_1')");
            throw new IllegalStateException("crash after the write");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM effect", Integer.class)).isZero();

        assertThat(processed.processOnce("projection", "ev_1",
                () -> jdbc.update("INSERT INTO effect VALUES ('ev_1')"))).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM effect", Integer.class)).isEqualTo(1);
    }

    @Test
    void survivesASecondInstanceCreatingTheTable() {
        var again = new ProcessedEvents(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()), Clock.systemUTC());
        assertThat(again.processOnce("projection", "ev_1", () -> { })).isTrue();
    }
}
