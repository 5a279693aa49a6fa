package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The front door with the real services: an operator creates a project and rotates its key, a merchant retries a
 * payment call with an idempotency key, every answer carries the rate-limit headers, and one request id can be
 * followed through the gateway's and the services' logs.
 */
@ExtendWith(RunningPlatform.class)
class GatewayJourneyTests {

    @Test
    void anOperatorCreatesAProjectAndRotatesItsKey(RunningPlatform running) {
        var project = running.newProject("Journey shop");
        assertThat(project.id()).startsWith("test-proj_");
        assertThat(project.secret().post("/invoices", "{\"name\":\"A\",\"amount\":\"1.00\",\"currency\":\"EUR\"}")
                .status()).isEqualTo(200);

        var keys = running.operator().get("/admin/projects/" + project.id() + "/keys");
        String firstKey = keys.text("/keys/0/id");
        var rotated = running.operator().post("/admin/projects/" + project.id() + "/keys", "");
        assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(200);
        ApiClient newKey = running.as(project.id(), rotated.text("/secret_key"));
        assertThat(newKey.get("/invoices").status()).isEqualTo(200);
        assertThat(running.operator().delete("/admin/projects/" + project.id() + "/keys/" + firstKey).status())
                .isEqualTo(200);
        assertThat(project.secret().get("/invoices").status()).isEqualTo(401);
        assertThat(newKey.get("/invoices").status()).isEqualTo(200);
        assertThat(running.as(RunningPlatform.DEMO_PROJECT, RunningPlatform.DEMO_SECRET)
                .get("/admin/projects").status()).isEqualTo(401);
    }

    @Test
    void aRetriedCreateWithTheSameKeyMakesOneInvoice(RunningPlatform running) {
        String order = "{\"name\":\"Idempotent\",\"amount\":\"12.00\",\"currency\":\"EUR\"}";
        var first = running.demo().post("/invoices", order, "Idempotency-Key", "journey-order-1");
        var retry = running.demo().post("/invoices", order, "Idempotency-Key", "journey-order-1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("/invoice/id")).isEqualTo(first.text("/invoice/id"));
        assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
        var changed = running.demo().post("/invoices", order.replace("12.00", "13.00"), "Idempotency-Key",
                "journey-order-1");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.text("/error_type")).isEqualTo("request.idempotency.key-reused");
        // The same key in another project is another request.
        assertThat(running.other().post("/invoices", order, "Idempotency-Key", "journey-order-1").text("/invoice/id"))
                .isNotEqualTo(first.text("/invoice/id"));
    }

    @Test
    void everyAnswerCarriesRateLimitHeadersAndTheRequestIdReachesEveryLog(RunningPlatform running) throws Exception {
        for (var response : new ApiClient.Response[] {running.demo().get("/invoices"),
            running.demo().get("/invoices/iv_aaaaaaaaaaaaaaaaaaaaaaaaaa"), running.demoPublicKey().get("/iins/424242")}) {
            assertThat(response.raw().headers().firstValue("X-RateLimit-Limit")).isPresent();
            assertThat(response.raw().headers().firstValue("X-RateLimit-Remaining")).isPresent();
        }
        running.demo().post("/invoices", "{\"name\":\"Logged\",\"amount\":\"1.00\",\"currency\":\"EUR\"}",
                "X-Request-Id", "req-followed-1");
        running.demo().get("/customers", "X-Request-Id", "req-followed-2");
        assertThat(eventuallyContains(running.dataDir().resolve("logs/api-gateway.log"), "req-followed-1")).isTrue();
        assertThat(eventuallyContains(running.dataDir().resolve("logs/invoice-service.log"), "req-followed-1")).isTrue();
        assertThat(eventuallyContains(running.dataDir().resolve("logs/vault-service.log"), "req-followed-2")).isTrue();
    }

    private static boolean eventuallyContains(Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
