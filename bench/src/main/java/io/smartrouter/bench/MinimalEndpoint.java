package io.smartrouter.bench;

import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The ceiling the platform is compared with: a minimal WebFlux endpoint on the same stack (Spring Boot, Netty, Jackson)
 * and the services' heap and collector (with the JVM's full JIT, the stronger ceiling), that reads a small JSON body
 * and answers a small JSON body. Run as its own process by the benchmark.
 */
@SpringBootApplication
public class MinimalEndpoint {

    @Bean
    RouterFunction<ServerResponse> echo() {
        return RouterFunctions.route().POST("/echo", request -> request.bodyToMono(Map.class)
                .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("success", true, "id", UUID.randomUUID().toString(),
                                "fields", body.size()))))
                .build();
    }

    public static void main(String[] args) {
        SpringApplication.run(MinimalEndpoint.class, args);
    }
}
