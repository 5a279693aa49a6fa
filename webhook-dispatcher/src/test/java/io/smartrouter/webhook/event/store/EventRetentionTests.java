package io.smartrouter.webhook.event.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link EventRetentionContract} on H2, the embedded default. */
class EventRetentionTests extends EventRetentionContract {

    private DriverManagerDataSource dataSource;

    @Override
    DataSource dataSource() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:retention-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @AfterEach
    void dropDatabase() {
        new JdbcTemplate(dataSource).execute("DROP ALL OBJECTS");
    }
}
