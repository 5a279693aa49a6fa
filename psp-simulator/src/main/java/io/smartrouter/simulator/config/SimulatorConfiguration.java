package io.smartrouter.simulator.config;

import io.smartrouter.simulator.psp.PspRegistry;
import io.smartrouter.simulator.web.SimulatorRoutes;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The configured PSPs and the routes that serve them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

    @Bean
    PspRegistry pspRegistry(SimulatorProperties properties) {
        return new PspRegistry(properties.psps(), Clock.systemUTC());
    }

    @Bean
    RouterFunction<ServerResponse> simulatorRoutes(PspRegistry registry) {
        return SimulatorRoutes.of(registry);
    }
}
