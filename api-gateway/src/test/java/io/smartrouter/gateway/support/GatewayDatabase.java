package io.smartrouter.gateway.support;

import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The gateway's schema on a database of the test's choosing, without Spring Boot. */
public final class GatewayDatabase {

    private GatewayDatabase() {
    }

    public static DataSource dataSource(String url, String user) {
        DataSource dataSource = new DriverManagerDataSource(url, user, "");
        new ResourceDatabasePopulator(new ClassPathResource("db/gateway-schema.sql")).execute(dataSource);
        return dataSource;
    }

    public static JdbcClient jdbc(String url, String user) {
        return JdbcClient.create(dataSource(url, user));
    }
}
