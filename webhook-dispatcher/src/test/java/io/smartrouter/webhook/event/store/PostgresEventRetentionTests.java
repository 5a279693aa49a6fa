package io.smartrouter.webhook.event.store;

import io.smartrouter.platform.testing.RealPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link EventRetentionContract} on the real PostgreSQL server, the production database, in a fresh database. */
@ExtendWith(RealPostgres.class)
class PostgresEventRetentionTests extends EventRetentionContract {

    private String url;

    @Override
    DataSource dataSource() {
        url = RealPostgres.freshSchemaUrl("retention");
        return new DriverManagerDataSource(url, RealPostgres.USER, "");
    }

    @AfterEach
    void dropDatabase() {
        RealPostgres.dropSchemaOf(url);
    }
}
