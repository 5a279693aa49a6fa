package io.smartrouter.platform.config;

import io.smartrouter.platform.axon.AxonTypeValidator;
import io.smartrouter.platform.axon.CheckpointingTokenStore;
import io.smartrouter.platform.axon.CommandRejections;
import io.smartrouter.platform.events.ConsumerProgress;
import io.smartrouter.platform.events.EventMetadataProvider;
import io.smartrouter.platform.events.EventTopics;
import io.smartrouter.platform.events.KafkaEventPublisher;
import io.smartrouter.platform.events.KafkaPublisherHealth;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventEnvelopeSerializer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Axon conventions for every event-sourced service, and the event store → Kafka publication. */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass(CommandGateway.class)
public class PlatformAxonAutoConfiguration {

    /** The bean name of the aggregate cache ({@link #aggregateCache()}). */
    public static final String AGGREGATE_CACHE = "aggregateCache";

    @Bean
    CorrelationDataProvider eventMetadataProvider() {
        return new EventMetadataProvider();
    }

    /** Axon's JSON serializers (tokens, messages) read back the replay tokens Axon writes ({@link AxonTypeValidator}). */
    @Bean
    Jackson3SerializerCustomizer axonTypeValidator() {
        return json -> json.polymorphicTypeValidator(new AxonTypeValidator());
    }

    @Bean
    CommandRejections commandRejections() {
        return new CommandRejections();
    }

    /**
     * The aggregates a service handles commands on, kept between commands ({@code @Aggregate(cache =
     * AGGREGATE_CACHE)}) so a command does not re-read and re-decode the aggregate's whole history from the event
     * store. Entries go when memory is needed or when a unit of work rolls back; the event store's unique (aggregate,
     * sequence number) key still rejects an append made from a stale copy, so the event store stays the truth (ADR
     * 0014). Only for aggregates whose ids are unique across the service's aggregate types.
     */
    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /** Present when the service declares which topics its aggregates publish to. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    @ConditionalOnBean(EventTopics.class)
    @EnableConfigurationProperties(KafkaProperties.class)
    static class KafkaPublication {

        /** Bounds one batch's wait for Kafka's acknowledgements before it is rolled back and retried. */
        private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
        /** How often the publisher's position is written: what a crash sends to Kafka again (ADR 0022). */
        private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

        @Bean
        DefaultKafkaProducerFactory<String, EventEnvelope> eventProducerFactory(KafkaProperties kafka) {
            Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            // Fail fast while the broker is away so the processor backs off instead of hanging for minutes.
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
            config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "event-publisher");
            return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EventEnvelopeSerializer());
        }

        @Bean
        KafkaTemplate<String, EventEnvelope> eventKafkaTemplate(
                DefaultKafkaProducerFactory<String, EventEnvelope> eventProducerFactory) {
            return new KafkaTemplate<>(eventProducerFactory);
        }

        @Bean
        KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, EventEnvelope> eventKafkaTemplate,
                EventTopics topics) {
            return new KafkaEventPublisher(eventKafkaTemplate, topics, SEND_TIMEOUT);
        }

        @Bean
        KafkaPublisherHealth kafkaPublisherHealthIndicator(EventProcessingConfiguration processing) {
            return new KafkaPublisherHealth(processing);
        }

        /**
         * One thread keeps per-aggregate order; failures propagate so the batch is retried, never skipped. Its position
         * is written at most once a second (consumers deduplicate what a restart sends again).
         */
        @Bean
        ConfigurerModule kafkaPublisherProcessor() {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerTrackingEventProcessor(KafkaEventPublisher.PROCESSING_GROUP,
                            config -> config.eventStore(),
                            config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(100))
                    .registerTokenStore(KafkaEventPublisher.PROCESSING_GROUP,
                            config -> new CheckpointingTokenStore(config.getComponent(TokenStore.class),
                                    CHECKPOINT_INTERVAL, Clock.systemUTC()))
                    .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                            config -> PropagatingErrorHandler.instance()));
        }
    }

    /** Present when the service consumes other services' events (it deduplicates them with {@link ProcessedEvents}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    @ConditionalOnBean(ProcessedEvents.class)
    @EnableConfigurationProperties(KafkaProperties.class)
    static class KafkaConsumption {

        /** Asked only after a projection's catch-up found nothing; the broker's answer should not add much to that. */
        private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(2);

        @Bean(destroyMethod = "close")
        ConsumerProgress consumerProgress(KafkaProperties kafka) {
            return new ConsumerProgress(kafka.buildAdminProperties(), PROGRESS_TIMEOUT);
        }
    }
}
