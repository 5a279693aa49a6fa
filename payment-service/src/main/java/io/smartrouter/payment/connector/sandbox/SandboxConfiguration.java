package io.smartrouter.payment.connector.sandbox;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Registers the sandbox PSP and its connector factory, keeping its ledger in the payment service's own database. */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    @Bean
    SandboxConnector sandboxConnector(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${smartrouter.payment.sandbox.dispute-delay:5s}") Duration disputeDelay) {
        return new SandboxConnector(jdbc, transactionManager, clock, disputeDelay);
    }

    @Bean
    SandboxConnectorFactory sandboxConnectorFactory(SandboxConnector sandbox) {
        return new SandboxConnectorFactory(sandbox);
    }
}
