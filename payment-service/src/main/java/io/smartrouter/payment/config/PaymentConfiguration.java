package io.smartrouter.payment.config;

import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentConnectors;
import io.smartrouter.payment.invoice.KnownInvoices;
import io.smartrouter.payment.transaction.command.Payment;
import io.smartrouter.payment.transaction.process.DeadlineSweeper;
import io.smartrouter.payment.transaction.process.DisputePoller;
import io.smartrouter.payment.transaction.process.OperationReconciler;
import io.smartrouter.payment.transaction.process.PaymentProcess;
import io.smartrouter.payment.transaction.query.PaymentDeadlines;
import io.smartrouter.payment.transaction.query.PendingOperations;
import io.smartrouter.payment.vault.VaultClient;
import io.smartrouter.platform.events.EventTopics;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.schemas.Topics;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The payment service publishes its Payment aggregate's events to the payments topic, consumes the invoices topic,
 * and reaches the vault and the PSP connectors for the payment flows.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
@EnableScheduling
class PaymentConfiguration {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of(Payment.class.getSimpleName(), Topics.PAYMENTS);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new ProcessedEvents(jdbc, transactions, clock);
    }

    @Bean
    PaymentConnectors paymentConnectors(List<PaymentConnector> connectors) {
        return new PaymentConnectors(connectors);
    }

    @Bean
    VaultClient vaultClient(PaymentProperties properties, InternalCalls internalCalls) {
        return new VaultClient(properties.vaultUrl(), internalCalls, properties.vaultTimeout());
    }

    @Bean
    OperationReconciler operationReconciler(PendingOperations pending, PaymentConnectors connectors,
            CommandGateway commands, PaymentProperties properties, Clock clock) {
        return new OperationReconciler(pending, connectors, commands, properties.reconcileAfter(),
                properties.pspTimeout(), properties.threeDSecureTimeout(), clock);
    }

    @Bean
    DeadlineSweeper deadlineSweeper(PaymentDeadlines deadlines, PaymentProcess payments, CommandGateway commands,
            PaymentProperties properties, Clock clock) {
        return new DeadlineSweeper(deadlines, payments, commands, properties.pspTimeout().multipliedBy(2), clock);
    }

    @Bean
    DisputePoller disputePoller(PaymentConnectors connectors, CommandGateway commands, PaymentProperties properties,
            Clock clock) {
        return new DisputePoller(connectors, commands, properties.pspTimeout(), clock);
    }

    @Bean
    PaymentProcess paymentProcess(KnownInvoices invoices, PendingOperations pending, VaultClient vault,
            PaymentConnectors connectors, PaymentProperties properties, CommandGateway commands,
            QueryGateway queries, Clock clock) {
        return new PaymentProcess(invoices, pending, vault, connectors, properties.gateway(), properties.pspTimeout(),
                commands, queries, clock);
    }
}
