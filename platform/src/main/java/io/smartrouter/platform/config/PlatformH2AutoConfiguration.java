package io.smartrouter.platform.config;

import io.smartrouter.platform.persistence.H2Housekeeping;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The compaction of an embedded H2 file database that commits synchronously ({@link H2Housekeeping}). */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(MVStore.class)
@ConditionalOnBean(DataSource.class)
public class PlatformH2AutoConfiguration {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    @Bean(destroyMethod = "close")
    H2Housekeeping h2Housekeeping(DataSource dataSource) {
        return new H2Housekeeping(dataSource, INTERVAL);
    }
}
