package io.smartrouter.gateway.idempotency;

import static io.smartrouter.gateway.support.StubService.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.gateway.support.StubService;
import io.smartrouter.platform.testing.Concurrently;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Idempotency keys through the gateway, in front of a stub service that counts what reaches it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class IdempotencyTests {

    static final String DEMO = basic("test-proj_demo", "key_test_demo");
    static final String OTHER = basic("test-proj_other", "key_test_other");
    static final StubService STUB = new StubService();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:idempotency-tests;DB_CLOSE_DELAY=-1");
        registry.add("smartrouter.gateway.services.invoice", STUB::url);
        registry.add("smartrouter.gateway.services.vault", STUB::url);
        registry.add("smartrouter.gateway.services.payment", () -> "http://127.0.0.1:" + StubService.closedPort());
        registry.add("smartrouter.gateway.response-timeout", () -> "1s");
        registry.add("smartrouter.gateway.idempotency.lease", () -> "3s");
        registry.add("smartrouter.max-request-bytes", () -> "4096");
        registry.add("smartrouter.gateway.projects[test-proj_other].secret-key-hash",
                () -> "019562e12ab59d9fcac112761c89e26b0bd349482f8eeb330b37ab971b620389");
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void theSameKeySentTwentyTimesAtOnceReachesTheServiceOnce() throws Exception {
        int clients = 20;
        int ran = 0;
        int replayed = 0;
        int inProgress = 0;
        for (EntityExchangeResult<String> answer : Concurrently.times(clients,
                () -> post("/invoices/held", DEMO, "key-concurrent", "{\"name\":\"once\"}"))) {
            int status = answer.getStatus().value();
            boolean replay = "true".equals(answer.getResponseHeaders().getFirst(IdempotentRequests.REPLAYED));
            if (status == 200 && !replay) {
                ran++;
            } else if (status == 200) {
                replayed++;
            } else {
                assertThat(status).isEqualTo(409);
                assertThat(answer.getResponseBody()).contains("request.idempotency.in-progress");
                inProgress++;
            }
        }
        assertThat(ran).isEqualTo(1);
        assertThat(ran + replayed + inProgress).isEqualTo(clients);
        assertThat(STUB.count("POST", "/invoices/held")).isEqualTo(1);
        var replay = post("/invoices/held", DEMO, "key-concurrent", "{\"name\":\"once\"}");
        assertThat(replay.getStatus().value()).isEqualTo(200);
        assertThat(replay.getResponseHeaders().getFirst(IdempotentRequests.REPLAYED)).isEqualTo("true");
        assertThat(STUB.count("POST", "/invoices/held")).isEqualTo(1);
    }

    @Test
    void replaysTheStoredAnswerAndRefusesTheKeyForAnotherRequest() {
        var first = post("/invoices", DEMO, "key-replay", "{\"name\":\"a\"}");
        assertThat(first.getStatus().value()).isEqualTo(200);
        assertThat(first.getResponseHeaders().containsHeader(IdempotentRequests.REPLAYED)).isFalse();
        long reached = STUB.count("POST", "/invoices");

        var again = post("/invoices", DEMO, "key-replay", "{\"name\":\"a\"}");
        assertThat(again.getStatus().value()).isEqualTo(200);
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(again.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(again.getResponseHeaders().getFirst(IdempotentRequests.REPLAYED)).isEqualTo("true");
        assertThat(again.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isNotNull();
        assertThat(again.getResponseHeaders().getFirst("X-Request-Id"))
                .isNotEqualTo(first.getResponseHeaders().getFirst("X-Request-Id"));

        for (String[] other : new String[][] {{"/invoices", "{\"name\":\"b\"}"}, {"/invoices?x=1", "{\"name\":\"a\"}"},
            {"/customers", "{\"name\":\"a\"}"}}) {
            var reused = post(other[0], DEMO, "key-replay", other[1]);
            assertThat(reused.getStatus().value()).isEqualTo(422);
            assertThat(reused.getResponseBody()).contains("request.idempotency.key-reused");
        }
        var put = exchange(HttpMethod.PUT, "/invoices", DEMO, "key-replay", "{\"name\":\"a\"}");
        assertThat(put.getStatus().value()).isEqualTo(422);
        assertThat(STUB.count("POST", "/invoices")).isEqualTo(reached);
    }

    @Test
    void keysArePerProject() {
        assertThat(post("/invoices/per-project", DEMO, "key-shared", "{}").getStatus().value()).isEqualTo(200);
        var other = post("/invoices/per-project", OTHER, "key-shared", "{\"different\":true}");
        assertThat(other.getStatus().value()).isEqualTo(200);
        assertThat(other.getResponseHeaders().containsHeader(IdempotentRequests.REPLAYED)).isFalse();
        assertThat(STUB.count("POST", "/invoices/per-project")).isEqualTo(2);
    }

    @Test
    void deleteAndPutTakeKeysToo() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.DELETE, HttpMethod.PUT}) {
            String key = "key-" + method.name();
            assertThat(exchange(method, "/cards/card_1", DEMO, key, "").getStatus().value()).isEqualTo(200);
            var replay = exchange(method, "/cards/card_1", DEMO, key, "");
            assertThat(replay.getResponseHeaders().getFirst(IdempotentRequests.REPLAYED)).isEqualTo("true");
            assertThat(STUB.count(method.name(), "/cards/card_1")).isEqualTo(1);
        }
    }

    @Test
    void aGetIgnoresTheKey() {
        for (int i = 0; i < 2; i++) {
            client.get().uri("/invoices/iv_get").header(HttpHeaders.AUTHORIZATION, DEMO)
                    .header(IdempotentRequests.HEADER, "key-get").exchange().expectStatus().isOk()
                    .expectHeader().doesNotExist(IdempotentRequests.REPLAYED);
        }
        assertThat(STUB.count("GET", "/invoices/iv_get")).isEqualTo(2);
    }

    @Test
    void refusesAnEmptyOrOverlongKey() {
        for (String key : new String[] {"", "k".repeat(256)}) {
            var answer = post("/invoices/bad-key", DEMO, key, "{}");
            assertThat(answer.getStatus().value()).isEqualTo(400);
            assertThat(answer.getResponseBody()).contains("request.idempotency.invalid-key");
        }
        assertThat(post("/invoices/bad-key", DEMO, "k".repeat(255), "{}").getStatus().value()).isEqualTo(200);
        assertThat(STUB.count("POST", "/invoices/bad-key")).isEqualTo(1);
    }

    @Test
    void aServerErrorIsNotKeptSoTheClientMayRetry() {
        assertThat(post("/invoices/broken", DEMO, "key-broken", "{}").getStatus().value()).isEqualTo(500);
        var retry = post("/invoices/broken", DEMO, "key-broken", "{}");
        assertThat(retry.getStatus().value()).isEqualTo(500);
        assertThat(retry.getResponseHeaders().containsHeader(IdempotentRequests.REPLAYED)).isFalse();
        assertThat(STUB.count("POST", "/invoices/broken")).isEqualTo(2);
    }

    @Test
    void aClientErrorIsKeptAndReplayed() {
        assertThat(post("/invoices/conflict", DEMO, "key-conflict", "{}").getStatus().value()).isEqualTo(409);
        var replay = post("/invoices/conflict", DEMO, "key-conflict", "{}");
        assertThat(replay.getStatus().value()).isEqualTo(409);
        assertThat(replay.getResponseHeaders().getFirst(IdempotentRequests.REPLAYED)).isEqualTo("true");
        assertThat(STUB.count("POST", "/invoices/conflict")).isEqualTo(1);
    }

    @Test
    void aServiceThatIsDownDoesNotUseTheKey() {
        for (int i = 0; i < 2; i++) {
            var answer = post("/invoices/iv_1/capture", DEMO, "key-down", "{}");
            assertThat(answer.getStatus().value()).isEqualTo(503);
            assertThat(answer.getResponseBody()).contains("server.service-unavailable");
        }
    }

    @Test
    void aRequestWhoseOutcomeIsUnknownKeepsItsKeyUntilTheLeaseExpires() throws Exception {
        // /invoices/slow answers after 3 s; the gateway gives up after 1 s: the service may still act on it.
        var timedOut = exchange(HttpMethod.POST, "/invoices/slow", DEMO, "key-slow", "{}");
        assertThat(timedOut.getStatus().value()).isEqualTo(504);
        var retry = exchange(HttpMethod.POST, "/invoices/slow", DEMO, "key-slow", "{}");
        assertThat(retry.getStatus().value()).isEqualTo(409);
        assertThat(retry.getResponseBody()).contains("request.idempotency.in-progress");
        Thread.sleep(3200);
        var afterLease = exchange(HttpMethod.POST, "/invoices/slow", DEMO, "key-slow", "{}");
        assertThat(afterLease.getStatus().value()).isEqualTo(504);
    }

    @Test
    void bodiesOverTheLimitAreRefusedBeforeTheKeyIsUsed() {
        var tooLarge = post("/invoices/large", DEMO, "key-large", "{\"name\":\"" + "x".repeat(5000) + "\"}");
        assertThat(tooLarge.getStatus().value()).isEqualTo(413);
        assertThat(post("/invoices/large", DEMO, "key-large", "{}").getStatus().value()).isEqualTo(200);
    }

    private EntityExchangeResult<String> post(String path, String authorization, String key, String body) {
        return exchange(HttpMethod.POST, path, authorization, key, body);
    }

    private EntityExchangeResult<String> exchange(HttpMethod method, String path, String authorization, String key,
            String body) {
        var request = client.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, authorization)
                .header(IdempotentRequests.HEADER, key);
        var spec = body.isEmpty() ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return spec.exchange().expectBody(String.class).returnResult();
    }
}
