package io.smartrouter.payment.connector.sandbox;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Registers the sandbox PSP, keeping its ledger in the payment service's own database. */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    @Bean
    SandboxConnector sandboxConnector(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        return new SandboxConnector(jdbc, transactionManager, clock);
    }
}
