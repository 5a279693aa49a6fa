package io.smartrouter.payment.connector.simulator;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the connector factory of the PSP simulator ({@code smartrouter.payment.simulator.*}: {@code url},
 * {@code connect-timeout}, {@code response-timeout}). Only the factory: a gateway configuration's settings choose the
 * simulator's PSP, so there is no connector until the router connects one.
 */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean
    SimulatorConnectorFactory simulatorConnectorFactory(
            @Value("${smartrouter.payment.simulator.url:http://127.0.0.1:8090}") String url,
            @Value("${smartrouter.payment.simulator.connect-timeout:1s}") Duration connectTimeout,
            @Value("${smartrouter.payment.simulator.response-timeout:5s}") Duration responseTimeout) {
        return new SimulatorConnectorFactory(url, connectTimeout, responseTimeout);
    }
}
