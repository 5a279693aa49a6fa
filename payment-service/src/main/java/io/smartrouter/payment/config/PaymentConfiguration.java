package io.smartrouter.payment.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.smartrouter.payment.connector.ConnectorFactories;
import io.smartrouter.payment.connector.ConnectorFactory;
import io.smartrouter.payment.gateway.GatewayConnectors;
import io.smartrouter.payment.gateway.command.GatewayConfiguration;
import io.smartrouter.payment.gateway.query.GatewayConfigurations;
import io.smartrouter.payment.gateway.settings.SettingsCipher;
import io.smartrouter.payment.invoice.KnownInvoices;
import io.smartrouter.payment.routing.RoutingPlanner;
import io.smartrouter.payment.routing.adaptive.AdaptiveRouting;
import io.smartrouter.payment.routing.command.RoutingRules;
import io.smartrouter.payment.routing.health.GatewayHealth;
import io.smartrouter.payment.routing.health.GatewayMetrics;
import io.smartrouter.payment.routing.query.RoutingRuleSets;
import io.smartrouter.payment.transaction.command.Payment;
import io.smartrouter.payment.transaction.process.DeadlineSweeper;
import io.smartrouter.payment.transaction.process.DisputePoller;
import io.smartrouter.payment.transaction.process.OperationReconciler;
import io.smartrouter.payment.transaction.process.PaymentProcess;
import io.smartrouter.payment.transaction.process.OperationKeys;
import io.smartrouter.payment.transaction.query.PaymentDeadlines;
import io.smartrouter.payment.transaction.query.PendingOperations;
import io.smartrouter.payment.vault.VaultClient;
import io.smartrouter.platform.events.EventTopics;
import io.smartrouter.platform.events.OwnerLookup;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The payment service publishes its Payment aggregate's events to the payments topic (its gateway configurations and
 * routing rules stay internal: they are configuration, and hold encrypted credentials), consumes the invoices topic,
 * and reaches the vault and the PSP connectors, through the router, for the payment flows.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PaymentProperties.class, RoutingProperties.class})
@EnableScheduling
class PaymentConfiguration {

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of(Payment.class.getSimpleName(), Topics.PAYMENTS)
                .withInternal(GatewayConfiguration.class.getSimpleName(), RoutingRules.class.getSimpleName());
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new ProcessedEvents(jdbc, transactions, clock);
    }

    @Bean
    ConnectorFactories connectorFactories(List<ConnectorFactory> factories) {
        return new ConnectorFactories(factories);
    }

    /** The gateway settings key: a local key file by default, the environment in the production profile. */
    @Bean
    SettingsCipher settingsCipher(RoutingProperties routing,
            @Value("${smartrouter.data-dir}") String dataDir) {
        return switch (routing.settingsKeys()) {
            case "local-file" -> SettingsCipher.fromKeyFile(routing.settingsKeyFile() != null
                    ? Path.of(routing.settingsKeyFile())
                    : Path.of(dataDir, "payment-service", "gateway-settings.key"));
            case "environment" -> SettingsCipher.fromEnvironment(System.getenv());
            default -> throw new IllegalStateException("smartrouter.payment.routing.settings-keys must be local-file "
                    + "or environment");
        };
    }

    @Bean
    GatewayConnectors gatewayConnectors(ConnectorFactories factories, GatewayConfigurations configurations,
            SettingsCipher cipher) {
        return new GatewayConnectors(factories, configurations, cipher);
    }

    @Bean
    GatewayHealth gatewayHealth(RoutingProperties routing, Clock clock) {
        return new GatewayHealth(routing.health(), clock);
    }

    @Bean
    GatewayMetrics gatewayMetrics(MeterRegistry registry) {
        return new GatewayMetrics(registry);
    }

    @Bean
    PaymentProcess.Routing paymentRouting(RoutingRuleSets rules, GatewayConfigurations configurations,
            GatewayConnectors connectors, GatewayHealth health, GatewayMetrics metrics, AdaptiveRouting adaptive) {
        return new PaymentProcess.Routing(rules, configurations, new RoutingPlanner(adaptive), connectors, health,
                metrics);
    }

    /** The invoice service, asked whether an invoice not heard of exists (ADR 0025). */
    @Bean
    OwnerLookup invoiceOwner(PaymentProperties properties, InternalCalls internalCalls) {
        return new OwnerLookup(properties.invoiceUrl(), "invoices", internalCalls, Duration.ofSeconds(2));
    }

    @Bean
    VaultClient vaultClient(PaymentProperties properties, InternalCalls internalCalls) {
        return new VaultClient(properties.vaultUrl(), internalCalls, properties.vaultTimeout());
    }

    @Bean
    OperationReconciler operationReconciler(PendingOperations pending, GatewayConnectors connectors,
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
    DisputePoller disputePoller(GatewayConnectors connectors, CommandGateway commands, PaymentProperties properties,
            Clock clock) {
        return new DisputePoller(connectors, commands, properties.pspTimeout(), clock);
    }

    @Bean
    OperationKeys operationKeys(JdbcTemplate jdbc) {
        return new OperationKeys(jdbc);
    }

    @Bean
    PaymentProcess paymentProcess(KnownInvoices invoices, PendingOperations pending, VaultClient vault,
            PaymentProcess.Routing routing, OperationKeys operationKeys, PaymentProperties properties,
            CommandGateway commands, QueryGateway queries, Clock clock) {
        return new PaymentProcess(invoices, pending, vault, routing, operationKeys, properties.pspTimeout(), commands,
                queries, clock);
    }
}
