package io.smartrouter.webhook.config;

import io.smartrouter.platform.events.EventTopics;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.schemas.Topics;
import io.smartrouter.webhook.delivery.schedule.RetrySchedule;
import io.smartrouter.webhook.delivery.security.UrlPolicy;
import io.smartrouter.webhook.delivery.worker.AttemptRecorder;
import io.smartrouter.webhook.delivery.worker.Deliveries;
import io.smartrouter.webhook.delivery.worker.DeliveryWorker;
import io.smartrouter.webhook.delivery.worker.WebhookSender;
import io.smartrouter.webhook.endpoint.command.WebhookEndpoint;
import io.smartrouter.webhook.endpoint.query.WebhookEndpointRecords;
import io.smartrouter.webhook.event.store.EventRetention;
import io.smartrouter.webhook.event.store.PublicEventStore;
import io.smartrouter.webhook.secret.InvoiceWebhookSecrets;
import io.smartrouter.webhook.secret.SecretSealer;
import io.smartrouter.webhook.secret.SigningSecrets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The dispatcher's wiring: its tables, the secret sealing key, the URL policy, the sender and the worker, and the
 * topic its own events go to (endpoint changes and delivery attempts, both on {@code smartrouter.webhook-deliveries}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatcherProperties.class)
class DispatcherConfiguration {

    /** The tables exist before any bean uses them. */
    @Bean
    DispatcherTables dispatcherTables(JdbcTemplate jdbc) {
        DispatcherSchema.create(jdbc);
        return new DispatcherTables();
    }

    @Bean
    EventTopics eventTopics() {
        return EventTopics.of(Map.of(WebhookEndpoint.class.getSimpleName(), Topics.WEBHOOK_DELIVERIES,
                AttemptRecorder.DELIVERY_AGGREGATE, Topics.WEBHOOK_DELIVERIES));
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new ProcessedEvents(jdbc, transactions, clock);
    }

    @Bean
    SecretSealer secretSealer(DispatcherProperties properties) {
        return switch (properties.keys()) {
            case "local-file" -> SecretSealer.fromKeyFile(properties.keyFile());
            case "environment" -> SecretSealer.fromEnvironment(System.getenv());
            default -> throw new IllegalStateException(
                    "smartrouter.webhook.keys must be local-file or environment, not " + properties.keys());
        };
    }

    @Bean
    SigningSecrets signingSecrets(DispatcherTables tables, JdbcTemplate jdbc, SecretSealer sealer, Clock clock) {
        return new SigningSecrets(jdbc, sealer, clock);
    }

    @Bean
    InvoiceWebhookSecrets invoiceWebhookSecrets(DispatcherTables tables, JdbcTemplate jdbc, SigningSecrets secrets) {
        return new InvoiceWebhookSecrets(jdbc, secrets);
    }

    @Bean(destroyMethod = "close")
    EventRetention eventRetention(DispatcherTables tables, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            Clock clock, DispatcherProperties properties) {
        return new EventRetention(jdbc, transactions, clock, properties.retention(), properties.retentionInterval());
    }

    @Bean
    UrlPolicy urlPolicy(DispatcherProperties properties) {
        return new UrlPolicy(properties.allowPrivateAddresses());
    }

    @Bean
    RetrySchedule retrySchedule(DispatcherProperties properties) {
        return new RetrySchedule(properties.retrySchedule(), properties.retryJitter(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(UrlPolicy policy, Clock clock, DispatcherProperties properties) {
        return new WebhookSender(policy, clock, properties.connectTimeout(), properties.responseTimeout(),
                properties.maxConcurrency(), properties.maxLoggedResponseBytes());
    }

    @Bean
    AttemptRecorder attemptRecorder(DispatcherTables tables, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            EventStore eventStore, WebhookEndpointRecords endpoints, CommandGateway commands, RetrySchedule schedule,
            DispatcherProperties properties, Clock clock) {
        return new AttemptRecorder(jdbc, transactions, eventStore, endpoints, commands, schedule,
                properties.disableAfterFailing(), clock);
    }

    @Bean
    DeliveryWorker deliveryWorker(DispatcherTables tables, Deliveries deliveries, PublicEventStore events,
            WebhookEndpointRecords endpoints, SigningSecrets secrets, InvoiceWebhookSecrets invoiceSecrets,
            WebhookSender sender, AttemptRecorder recorder, PlatformTransactionManager transactions, Clock clock,
            DispatcherProperties properties) {
        return new DeliveryWorker(deliveries, events, endpoints, secrets, invoiceSecrets, sender, recorder,
                transactions, clock, new DeliveryWorker.Settings(properties.maxConcurrency(),
                        properties.maxConcurrencyPerEndpoint(), properties.batchSize(), properties.pollInterval(),
                        properties.claimTimeout()));
    }

    /** A marker: the dispatcher's tables were created. */
    static final class DispatcherTables {
    }
}
