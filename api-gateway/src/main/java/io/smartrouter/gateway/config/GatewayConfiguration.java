package io.smartrouter.gateway.config;

import io.smartrouter.gateway.auth.BasicAuthenticator;
import io.smartrouter.gateway.auth.RememberedCredentials;
import io.smartrouter.gateway.idempotency.IdempotencyPurge;
import io.smartrouter.gateway.idempotency.IdempotencyStore;
import io.smartrouter.gateway.idempotency.IdempotentRequests;
import io.smartrouter.gateway.project.ProjectStore;
import io.smartrouter.gateway.project.SecretKeys;
import io.smartrouter.gateway.project.web.OperatorAuthenticator;
import io.smartrouter.gateway.proxy.GatewayFilter;
import io.smartrouter.gateway.proxy.GatewayHandler;
import io.smartrouter.gateway.proxy.ServiceProxy;
import io.smartrouter.gateway.ratelimit.RateLimiter;
import io.smartrouter.platform.config.PlatformProperties;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.ServiceAuthentication;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    /** The demo project of the embedded default (API.md); never acceptable in production. */
    static final String DEMO_PROJECT = "test-proj_demo";
    static final String DEMO_KEY_HASH = "136ca5793d5a1490a5d25ce856263801868deade46aaa6bbfc461423ed5c633e";
    static final String LOCAL_OPERATOR_TOKEN = "op_local_dev";

    /** Creates the gateway's tables when missing (the statements are idempotent), before anything reads them. */
    @Bean
    JdbcClient gatewayJdbc(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource("db/gateway-schema.sql")).execute(dataSource);
        return JdbcClient.create(dataSource);
    }

    @Bean
    ProjectStore projectStore(JdbcClient gatewayJdbc, PlatformTransactionManager transactions, Clock clock,
            GatewayProperties properties, Environment environment) {
        boolean production = isProduction(environment);
        if (production) {
            refuseLocalDefaults(properties);
        }
        ProjectStore store = new ProjectStore(gatewayJdbc, new TransactionTemplate(transactions), clock);
        seeds(properties).forEach((id, project) -> {
            if (store.seed(id, project.name() == null ? id : project.name(), project.secretKeyHash())) {
                log.info("Seeded project {} ({})", id, project.name());
            }
        });
        if (production && store.hasActiveKey(DEMO_KEY_HASH)) {
            throw new IllegalStateException("The production profile refuses to start while the database holds an active "
                    + "demo key (key_test_demo): revoke it with the admin API in a non-production run first");
        }
        return store;
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient gatewayJdbc, Clock clock, GatewayProperties properties) {
        return new IdempotencyStore(gatewayJdbc, clock, properties.idempotency().retention(),
                properties.idempotency().lease());
    }

    @Bean
    IdempotencyPurge idempotencyPurge(IdempotencyStore store, GatewayProperties properties) {
        return new IdempotencyPurge(store, properties.idempotency().purgeInterval());
    }

    @Bean
    RateLimiter rateLimiter(GatewayProperties properties) {
        return new RateLimiter(properties.rateLimit(), System::nanoTime);
    }

    @Bean
    OperatorAuthenticator operatorAuthenticator(GatewayProperties properties) {
        return new OperatorAuthenticator(properties.operatorToken());
    }

    /** At most this many projects' credentials are remembered at once (beyond, the oldest are forgotten). */
    private static final int REMEMBERED_PROJECTS = 10_000;

    @Bean
    RememberedCredentials rememberedCredentials(ProjectStore projects, GatewayProperties properties) {
        return new RememberedCredentials(projects, properties.credentialsTtl(), REMEMBERED_PROJECTS, System::nanoTime);
    }

    @Bean
    GatewayFilter gatewayFilter(GatewayProperties properties, RememberedCredentials projects, ServiceAuthentication signer,
            PlatformProperties platform, RateLimiter rateLimiter, IdempotencyStore idempotencyKeys,
            OperatorAuthenticator operator) {
        var proxy = new ServiceProxy(properties, signer, platform.maxRequestBytes());
        var idempotent = new IdempotentRequests(idempotencyKeys, proxy, properties.idempotency().maxResponseBytes());
        return new GatewayFilter(new GatewayHandler(properties, new BasicAuthenticator(projects), rateLimiter, proxy,
                idempotent), operator);
    }

    /** The configured projects plus the demo project (its key given in clear, as API.md publishes it). */
    static Map<String, GatewayProperties.Project> seeds(GatewayProperties properties) {
        Map<String, GatewayProperties.Project> seeds = new LinkedHashMap<>();
        var demo = properties.demoProject();
        if (demo.enabled()) {
            if (!ProjectId.isWellFormed(demo.id()) || !new ProjectId(demo.id()).sandbox()
                    || !demo.secretKey().startsWith(SecretKeys.SANDBOX_PREFIX)) {
                throw new IllegalStateException("The demo project must be a sandbox project (test-proj_…) with a "
                        + "key_test_… secret key");
            }
            seeds.put(demo.id(), new GatewayProperties.Project("Demo sandbox project", SecretKeys.sha256Hex(demo.secretKey())));
        }
        properties.projects().forEach((id, project) -> {
            if (!ProjectId.isWellFormed(id)) {
                throw new IllegalArgumentException("Configured project id is malformed: " + id);
            }
            if (project.secretKeyHash() == null || !project.secretKeyHash().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("Project " + id
                        + " needs secret-key-hash: the lower-case hex SHA-256 of its secret key");
            }
            seeds.put(id, project);
        });
        return seeds;
    }

    /** Like the platform's secrets: the production profile refuses the local defaults of API.md. */
    static void refuseLocalDefaults(GatewayProperties properties) {
        if (properties.operatorToken().isBlank() || LOCAL_OPERATOR_TOKEN.equals(properties.operatorToken())) {
            throw new IllegalStateException("The production profile needs SMARTROUTER_OPERATOR_TOKEN to be set "
                    + "(not the local default)");
        }
        if (properties.demoProject().enabled()) {
            throw new IllegalStateException("The production profile refuses the demo project: leave "
                    + "SMARTROUTER_DEMO_PROJECT_ID unset and create projects with the admin API");
        }
        boolean demo = properties.projects().containsKey(DEMO_PROJECT) || properties.projects().values().stream()
                .anyMatch(project -> DEMO_KEY_HASH.equals(project.secretKeyHash()));
        if (demo) {
            throw new IllegalStateException("The production profile refuses the demo project and its key; "
                    + "create projects with the admin API");
        }
    }

    static boolean isProduction(Environment environment) {
        return Arrays.asList(environment.getActiveProfiles()).contains("production");
    }
}
