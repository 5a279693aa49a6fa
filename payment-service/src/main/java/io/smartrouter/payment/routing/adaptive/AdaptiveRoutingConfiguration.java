package io.smartrouter.payment.routing.adaptive;

import java.time.Clock;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/** The adaptive routing learner: {@link AdaptiveRouting} for the router, fed from the payments topic by default. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdaptiveRoutingProperties.class)
class AdaptiveRoutingConfiguration {

    static final String CONTAINER_FACTORY = "adaptiveRoutingContainerFactory";

    @Bean
    GatewayLearner gatewayLearner(AdaptiveRoutingProperties properties, Clock clock) {
        return new GatewayLearner(properties.learnerSettings(), clock);
    }

    @Bean
    AdaptiveRouting adaptiveRouting(GatewayLearner learner, AdaptiveRoutingProperties properties) {
        RandomGeneratorFactory<RandomGenerator> factory = RandomGeneratorFactory.of("L64X128MixRandom");
        RandomGenerator random = properties.seed() == null ? factory.create() : factory.create(properties.seed());
        return new AdaptiveRouting(learner, random, properties.latencyWeight());
    }

    @Bean
    InFlightAuthorizations inFlightAuthorizations(GatewayLearner learner, AdaptiveRoutingProperties properties) {
        return new InFlightAuthorizations(learner, properties.outcomeTimeout(), properties.challengeTimeout(),
                properties.maxInFlight());
    }

    @Bean
    @ConditionalOnProperty(name = "smartrouter.payment.routing.adaptive.feed", havingValue = "events",
            matchIfMissing = true)
    AdaptiveRoutingListener adaptiveRoutingListener(InFlightAuthorizations authorizations,
            AdaptiveRoutingProperties properties, Clock clock) {
        return new AdaptiveRoutingListener(authorizations, properties.window(), clock);
    }

    /** The service's consumer settings, but no offset commits: each start replays the window by time anyway. */
    @Bean(CONTAINER_FACTORY)
    @ConditionalOnProperty(name = "smartrouter.payment.routing.adaptive.feed", havingValue = "events",
            matchIfMissing = true)
    ConcurrentKafkaListenerContainerFactory<Object, Object> adaptiveRoutingContainerFactory(
            ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        return factory;
    }
}
