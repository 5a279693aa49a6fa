package io.smartrouter.platform.config;

import io.smartrouter.platform.error.ErrorEnvelopeHandler;
import io.smartrouter.platform.error.ErrorTranslator;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.security.ProjectContextArgumentResolver;
import io.smartrouter.platform.security.ProjectContextFilter;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.web.AccessLogFilter;
import io.smartrouter.platform.web.RequestIdFilter;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** The web conventions of API.md for every service: JSON rules, request ids, the error envelope, gateway trust. */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** snake_case fields, unknown fields rejected, no silent coercion of numbers or booleans into strings. */
    @Bean
    JsonMapperBuilderCustomizer smartRouterJsonConventions() {
        return builder -> builder
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    @Bean
    WebFluxConfigurer smartRouterWebFluxConventions(PlatformProperties properties) {
        return new WebFluxConfigurer() {
            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer codecs) {
                codecs.defaultCodecs().maxInMemorySize(properties.maxRequestBytes());
            }

            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer resolvers) {
                resolvers.addCustomResolver(new ProjectContextArgumentResolver());
            }
        };
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    /** Services only: the gateway writes its own access log with the caller it authenticated. */
    @Bean
    @ConditionalOnProperty(name = "smartrouter.verify-gateway-signature", havingValue = "true", matchIfMissing = true)
    AccessLogFilter accessLogFilter() {
        return new AccessLogFilter();
    }

    /** Runs before Boot's own error handler (order -1) so that no failure escapes the envelope. */
    @Bean
    @Order(-2)
    ErrorEnvelopeHandler errorEnvelopeHandler(ObjectMapper json, ObjectProvider<ErrorTranslator> translators) {
        return new ErrorEnvelopeHandler(json, translators.orderedStream().toList());
    }

    @Bean
    ServiceAuthentication serviceAuthentication(PlatformProperties properties, Clock clock, Environment environment) {
        refuseLocalSecretInProduction(properties, environment);
        return new ServiceAuthentication(properties.internalSecret(), clock);
    }

    /** Services only: the gateway must never hold the service secret. */
    @Bean
    @ConditionalOnProperty(name = "smartrouter.verify-gateway-signature", havingValue = "true", matchIfMissing = true)
    InternalCalls internalCalls(PlatformProperties properties, Clock clock, Environment environment) {
        if (isProduction(environment) && PlatformProperties.LOCAL_SERVICE_SECRET.equals(properties.serviceSecret())) {
            throw new IllegalStateException("The production profile needs SMARTROUTER_SERVICE_SECRET to be set");
        }
        return new InternalCalls(properties.serviceSecret(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "smartrouter.verify-gateway-signature", havingValue = "true", matchIfMissing = true)
    ProjectContextFilter projectContextFilter(ServiceAuthentication authentication, InternalCalls internalCalls,
            ObjectMapper json) {
        return new ProjectContextFilter(authentication, internalCalls, json);
    }

    static void refuseLocalSecretInProduction(PlatformProperties properties, Environment environment) {
        if (isProduction(environment) && PlatformProperties.LOCAL_INTERNAL_SECRET.equals(properties.internalSecret())) {
            throw new IllegalStateException("The production profile needs SMARTROUTER_INTERNAL_SECRET to be set");
        }
    }

    static boolean isProduction(Environment environment) {
        return Arrays.asList(environment.getActiveProfiles()).contains("production");
    }
}
