package io.smartrouter.gateway.idempotency;

import static io.smartrouter.gateway.support.StubService.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.gateway.ApiGatewayApplication;
import io.smartrouter.gateway.support.StubService;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Keys survive the gateway: a second gateway on the same database file (here after the first stopped; with
 * PostgreSQL, at the same time) replays what the first one answered, and a project created through the first one's
 * admin API authenticates at the second.
 */
class IdempotencyRestartTests {

    @TempDir
    Path dataDir;

    @Test
    void aRestartedGatewayReplaysAndRefusesAsTheFirstOneWould() {
        try (StubService stub = new StubService()) {
            EntityExchangeResult<String> first;
            String project;
            String secret;
            try (ConfigurableApplicationContext gateway = start(stub)) {
                WebTestClient client = client(gateway);
                var created = client.post().uri("/admin/projects").header(HttpHeaders.AUTHORIZATION, "Bearer op_local_dev")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Restart\"}")
                        .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
                project = created.replaceAll(".*\"id\":\"(test-proj_[a-z2-7]+)\".*", "$1");
                secret = created.replaceAll(".*\"secret_key\":\"(key_test_[a-z2-7]+)\".*", "$1");
                first = post(client, basic(project, secret), "{\"name\":\"before restart\"}");
                assertThat(first.getStatus().value()).isEqualTo(200);
            }
            try (ConfigurableApplicationContext gateway = start(stub)) {
                WebTestClient client = client(gateway);
                var replay = post(client, basic(project, secret), "{\"name\":\"before restart\"}");
                assertThat(replay.getStatus().value()).isEqualTo(200);
                assertThat(replay.getResponseHeaders().getFirst(IdempotentRequests.REPLAYED)).isEqualTo("true");
                assertThat(replay.getResponseBody()).isEqualTo(first.getResponseBody());
                var changed = post(client, basic(project, secret), "{\"name\":\"changed after restart\"}");
                assertThat(changed.getStatus().value()).isEqualTo(422);
                assertThat(changed.getResponseBody()).contains("request.idempotency.key-reused");
            }
            assertThat(stub.count("POST", "/invoices")).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start(StubService stub) {
        return new SpringApplicationBuilder(ApiGatewayApplication.class).run(
                "--server.port=0",
                "--smartrouter.data-dir=" + dataDir,
                "--smartrouter.gateway.services.invoice=" + stub.url());
    }

    private static WebTestClient client(ConfigurableApplicationContext gateway) {
        return WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30))
                .baseUrl("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port")).build();
    }

    private static EntityExchangeResult<String> post(WebTestClient client, String authorization, String body) {
        return client.post().uri("/invoices").header(HttpHeaders.AUTHORIZATION, authorization)
                .header(IdempotentRequests.HEADER, "order-42").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(String.class).returnResult();
    }
}
