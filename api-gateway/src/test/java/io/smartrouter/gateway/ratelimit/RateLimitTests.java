package io.smartrouter.gateway.ratelimit;

import static io.smartrouter.gateway.support.StubService.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.gateway.support.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Small buckets, refilled slowly, so that a test can empty them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class RateLimitTests {

    static final StubService STUB = new StubService();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:rate-limit-tests;DB_CLOSE_DELAY=-1");
        registry.add("smartrouter.gateway.services.invoice", STUB::url);
        registry.add("smartrouter.gateway.services.webhook", STUB::url);
        registry.add("smartrouter.gateway.rate-limit.api.capacity", () -> "5");
        registry.add("smartrouter.gateway.rate-limit.api.refill-per-second", () -> "0.01");
        registry.add("smartrouter.gateway.rate-limit.events.capacity", () -> "3");
        registry.add("smartrouter.gateway.rate-limit.events.refill-per-second", () -> "0.01");
        registry.add("smartrouter.gateway.projects[test-proj_other].secret-key-hash",
                () -> "019562e12ab59d9fcac112761c89e26b0bd349482f8eeb330b37ab971b620389");
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void anEmptyBucketAnswers429WithRetryAfterWhileEventsAndOtherProjectsGoOn() {
        String demo = basic("test-proj_demo", "key_test_demo");
        for (int remaining = 4; remaining >= 0; remaining--) {
            client.get().uri("/invoices/iv_1").header(HttpHeaders.AUTHORIZATION, demo).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Limit", "5")
                    .expectHeader().valueEquals("X-RateLimit-Remaining", Integer.toString(remaining));
        }
        long reached = STUB.count("GET", "/invoices/iv_1");
        var limited = client.get().uri("/invoices/iv_1").header(HttpHeaders.AUTHORIZATION, demo).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("X-RateLimit-Limit", "5")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error_type").isEqualTo("request.rate-limited")
                .returnResult();
        // One token per 100 s, some of which the five requests above took.
        assertThat(Long.parseLong(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 100L);
        assertThat(STUB.count("GET", "/invoices/iv_1")).isEqualTo(reached);

        client.get().uri("/events").header(HttpHeaders.AUTHORIZATION, demo).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "3")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "2");
        client.get().uri("/invoices/iv_1").header(HttpHeaders.AUTHORIZATION, basic("test-proj_other", "key_test_other"))
                .exchange().expectStatus().isOk();
    }
}
