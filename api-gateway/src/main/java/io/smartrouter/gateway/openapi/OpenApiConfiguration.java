package io.smartrouter.gateway.openapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    RouterFunction<ServerResponse> openApiRoutes() {
        return OpenApiRoutes.routes(OpenApiDocument.load());
    }
}
