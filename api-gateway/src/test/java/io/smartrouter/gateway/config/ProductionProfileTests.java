package io.smartrouter.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.smartrouter.gateway.ApiGatewayApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/**
 * The production profile starts only without the local defaults: an operator token of its own, no demo project. (The
 * database is H2 here; the profile's PostgreSQL URL is overridden.)
 */
class ProductionProfileTests {

    @Test
    void refusesToStartWithoutAnOperatorTokenOrWithTheLocalOne() {
        assertThat(startFailure()).contains("SMARTROUTER_OPERATOR_TOKEN");
        assertThat(startFailure("--smartrouter.gateway.operator-token=op_local_dev")).contains("SMARTROUTER_OPERATOR_TOKEN");
    }

    @Test
    void refusesToStartWithTheDemoProject() {
        assertThat(startFailure("--smartrouter.gateway.operator-token=a-long-production-token",
                "--smartrouter.gateway.demo-project.id=test-proj_demo",
                "--smartrouter.gateway.demo-project.secret-key=key_test_demo")).contains("demo project");
    }

    @Test
    void refusesToStartOnADatabaseWhereTheDemoKeyIsStillActive() {
        String database = "--spring.datasource.url=jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        // The embedded default seeds the demo project into this database.
        new SpringApplicationBuilder(ApiGatewayApplication.class).run("--server.port=0", database,
                "--spring.datasource.username=sa").close();
        assertThat(startFailure("--smartrouter.gateway.operator-token=a-long-production-token", database))
                .contains("active demo key");
    }

    @Test
    void startsWithItsOwnOperatorTokenAndNoDemoProject() {
        try (var gateway = new SpringApplicationBuilder(ApiGatewayApplication.class).run(arguments(
                "--smartrouter.gateway.operator-token=a-long-production-token"))) {
            assertThat(gateway.isRunning()).isTrue();
        }
    }

    private static String startFailure(String... extra) {
        Throwable failure = catchThrowable(
                () -> new SpringApplicationBuilder(ApiGatewayApplication.class).run(arguments(extra)).close());
        assertThat(failure).isNotNull();
        return NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
    }

    private static String[] arguments(String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=production", "--server.port=0",
                "--spring.datasource.username=sa",
                "--smartrouter.internal-secret=a-production-internal-secret-of-enough-length"));
        arguments.addAll(List.of(extra));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--spring.datasource.url="))) {
            arguments.add("--spring.datasource.url=jdbc:h2:mem:production-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        return arguments.toArray(String[]::new);
    }
}
