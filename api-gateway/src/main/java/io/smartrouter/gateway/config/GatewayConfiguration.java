package io.smartrouter.gateway.config;

import io.smartrouter.gateway.auth.BasicAuthenticator;
import io.smartrouter.gateway.auth.ConfiguredProjectDirectory;
import io.smartrouter.gateway.auth.ProjectDirectory;
import io.smartrouter.gateway.proxy.GatewayFilter;
import io.smartrouter.gateway.proxy.GatewayHandler;
import io.smartrouter.gateway.proxy.ServiceProxy;
import io.smartrouter.platform.config.PlatformProperties;
import io.smartrouter.platform.security.ServiceAuthentication;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /** The demo project of the embedded default (API.md); never acceptable in production. */
    static final String DEMO_PROJECT = "test-proj_demo";
    static final String DEMO_KEY_HASH = "136ca5793d5a1490a5d25ce856263801868deade46aaa6bbfc461423ed5c633e";

    @Bean
    ProjectDirectory projectDirectory(GatewayProperties properties, Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("production")) {
            refuseDemoProject(properties);
        }
        return new ConfiguredProjectDirectory(properties.projects());
    }

    @Bean
    GatewayFilter gatewayFilter(GatewayProperties properties, ProjectDirectory projects, ServiceAuthentication signer,
            PlatformProperties platform) {
        var proxy = new ServiceProxy(properties, signer, platform.maxRequestBytes());
        return new GatewayFilter(new GatewayHandler(properties, new BasicAuthenticator(projects), proxy));
    }

    static void refuseDemoProject(GatewayProperties properties) {
        boolean demo = properties.projects().containsKey(DEMO_PROJECT) || properties.projects().values().stream()
                .anyMatch(project -> DEMO_KEY_HASH.equals(project.secretKeyHash()));
        if (demo) {
            throw new IllegalStateException("The production profile refuses the demo project and its key; "
                    + "configure smartrouter.gateway.projects with your own");
        }
    }
}
