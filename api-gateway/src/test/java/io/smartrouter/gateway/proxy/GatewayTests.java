package io.smartrouter.gateway.proxy;

import static io.smartrouter.gateway.support.StubService.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.gateway.support.StubService;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.security.ServiceAuthentication;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in front of a stub service that records what it received. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayTests {

    static final String DEMO_SECRET = "key_test_demo";
    static final String OTHER_SECRET = "key_test_other";
    static final StubService STUB = new StubService();

    @Autowired
    WebTestClient client;
    @Autowired
    ServiceAuthentication auth;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String stub = STUB.url();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:gateway-tests;DB_CLOSE_DELAY=-1");
        registry.add("smartrouter.gateway.services.invoice", () -> stub);
        registry.add("smartrouter.gateway.services.vault", () -> stub);
        registry.add("smartrouter.gateway.services.payment", () -> stub);
        registry.add("smartrouter.gateway.services.webhook", () -> "http://127.0.0.1:" + StubService.closedPort());
        registry.add("smartrouter.gateway.response-timeout", () -> "1s");
        registry.add("smartrouter.gateway.max-requests-per-service", () -> "2");
        registry.add("smartrouter.max-request-bytes", () -> "1024");
        registry.add("smartrouter.gateway.projects[test-proj_other].name", () -> "Other");
        registry.add("smartrouter.gateway.projects[test-proj_other].secret-key-hash",
                () -> "019562e12ab59d9fcac112761c89e26b0bd349482f8eeb330b37ab971b620389");
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void refusesMissingWrongAndMalformedCredentials() {
        for (String authorization : new String[] {null, basic("test-proj_demo", "key_test_wrong"),
            basic("test-proj_nobody", DEMO_SECRET), basic("not a project", DEMO_SECRET), "Basic !!!", "Bearer x",
            basic("test-proj_demo", OTHER_SECRET)}) {
            var request = client.get().uri("/invoices/iv_1");
            if (authorization != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            request.exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Smart Router\"")
                    .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.invalid");
        }
    }

    @Test
    void forwardsMethodPathQueryAndBodyWithASignedProjectAndWithoutCredentials() {
        client.post().uri("/invoices?expand=transaction&limit=10")
                .header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", DEMO_SECRET))
                .header("X-Request-Id", "req-forward-1")
                .header("X-SmartRouter-Project-Id", "test-proj_other")
                .header("x-smartrouter-key-type", "secret")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "req-forward-1")
                .expectHeader().valueEquals("X-Stub", "yes");

        StubService.Received received = STUB.byRequestId("req-forward-1");
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/invoices?expand=transaction&limit=10");
        assertThat(received.body()).isEqualTo("{\"name\":\"x\"}");
        assertThat(received.headers().containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
        assertThat(auth.verify(received.headers(), "POST", "/invoices", "req-forward-1"))
                .contains(new ProjectContext(new ProjectId("test-proj_demo"), KeyType.SECRET));
    }

    @Test
    void thePublicKeyMakesOnlyTheClientSideCalls() {
        client.post().uri("/invoices").header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", ""))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.secret-key-required");

        client.post().uri("/cards").header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", ""))
                .header("X-Request-Id", "req-public-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk();
        assertThat(auth.verify(STUB.byRequestId("req-public-1").headers(), "POST", "/cards", "req-public-1"))
                .contains(new ProjectContext(new ProjectId("test-proj_demo"), KeyType.PUBLIC));
    }

    @Test
    void aChallengePageOpenedFromItsLinkIsTheProjectsPublicKey() {
        client.get().uri("/three-d-s/tr_op_1?project_id=test-proj_demo").header("X-Request-Id", "req-linked-1")
                .exchange()
                .expectStatus().isOk();
        StubService.Received received = STUB.byRequestId("req-linked-1");
        assertThat(received.uri()).isEqualTo("/three-d-s/tr_op_1?project_id=test-proj_demo");
        assertThat(auth.verify(received.headers(), "GET", "/three-d-s/tr_op_1", "req-linked-1"))
                .contains(new ProjectContext(new ProjectId("test-proj_demo"), KeyType.PUBLIC));

        // Credentials sent win over the link's project.
        client.get().uri("/three-d-s/tr_op_1?project_id=test-proj_demo").header("X-Request-Id", "req-linked-2")
                .header(HttpHeaders.AUTHORIZATION, basic("test-proj_other", OTHER_SECRET))
                .exchange()
                .expectStatus().isOk();
        assertThat(auth.verify(STUB.byRequestId("req-linked-2").headers(), "GET", "/three-d-s/tr_op_1", "req-linked-2"))
                .contains(new ProjectContext(new ProjectId("test-proj_other"), KeyType.SECRET));
    }

    @Test
    void aLinkWithoutAKnownProjectIsRefusedWithoutPromptingForCredentials() {
        for (String path : new String[] {"/three-d-s/tr_op_1", "/three-d-s/tr_op_1?project_id=test-proj_nobody",
            "/three-d-s/tr_op_1?project_id=not%20a%20project"}) {
            client.get().uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                    .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.invalid");
        }
    }

    @Test
    void noOtherCallMayNameItsProjectInsteadOfCredentials() {
        for (String path : new String[] {"/three-d-s/tr_op_1/x?project_id=test-proj_demo",
            "/invoices/iv_1?project_id=test-proj_demo", "/iins/424242?project_id=test-proj_demo"}) {
            client.get().uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Smart Router\"")
                    .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.invalid");
        }
        client.post().uri("/three-d-s/tr_op_1?project_id=test-proj_demo")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"result\":\"pass\"}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void generatesARequestIdWhenTheClientSentNoneOrGarbage() {
        String generated = client.get().uri("/invoices/iv_2")
                .header(HttpHeaders.AUTHORIZATION, basic("test-proj_other", OTHER_SECRET))
                .header("X-Request-Id", "bad id with spaces")
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(generated).startsWith("req_");
        assertThat(STUB.byRequestId(generated).headers().getFirst("X-SmartRouter-Project-Id")).isEqualTo("test-proj_other");
    }

    @Test
    void answersUnknownRoutesItself() {
        for (String path : new String[] {"/nope", "/invoices/iv_1/unknown", "/cards/../internal/keys/rotate", "/"}) {
            client.get().uri(path).header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", DEMO_SECRET))
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.error_type").isEqualTo("request.route.not-found");
        }
    }

    @Test
    void theAdminApiDoesNotTakeProjectCredentials() {
        client.get().uri("/admin/projects").header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", DEMO_SECRET))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.invalid");
    }

    @Test
    void everyProjectAnswerCarriesTheRateLimitHeaders() {
        for (String path : new String[] {"/invoices/iv_3", "/invoices/conflict", "/events"}) {
            client.get().uri(path).header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", DEMO_SECRET))
                    .exchange()
                    .expectHeader().exists("X-RateLimit-Limit")
                    .expectHeader().exists("X-RateLimit-Remaining");
        }
    }

    @Test
    void relaysTheServicesErrorsUnchanged() {
        client.get().uri("/invoices/conflict").header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", DEMO_SECRET))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().json("{\"success\":false,\"error_type\":\"stub.409\",\"message\":\"x\"}");
    }

    @Test
    void answers503WhenAServiceIsDownAnd504WhenItIsTooSlow() {
        client.get().uri("/events").header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", DEMO_SECRET))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error_type").isEqualTo("server.service-unavailable");
        client.get().uri("/invoices/slow").header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", DEMO_SECRET))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.error_type").isEqualTo("server.service-timeout");
    }

    /**
     * A service with its limit of requests in flight (two here) gets no more: the next is answered 503 with Retry-After
     * at once and never sent, and its idempotency key is free for the retry, which runs once the service has room.
     */
    @Test
    void aBusyServiceGetsNoMoreRequestsThanItsLimit() throws InterruptedException {
        long before = STUB.count("POST", "/invoices/held");
        List<CompletableFuture<Void>> holding = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.runAsync(() ->
                held(null).expectStatus().isOk())).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (STUB.count("POST", "/invoices/held") < before + 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        held("busy-1").expectStatus().isEqualTo(503).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.error_type").isEqualTo("server.service-unavailable");
        holding.forEach(CompletableFuture::join);
        assertThat(STUB.count("POST", "/invoices/held")).isEqualTo(before + 2);
        held("busy-1").expectStatus().isOk();
        assertThat(STUB.count("POST", "/invoices/held")).isEqualTo(before + 3);
    }

    private WebTestClient.ResponseSpec held(String idempotencyKey) {
        return client.post().uri("/invoices/held").header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", DEMO_SECRET))
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    @Test
    void refusesBodiesOverTheLimitDeclaredOrStreamed() {
        client.post().uri("/invoices").header(HttpHeaders.AUTHORIZATION, basic("test-proj_demo", DEMO_SECRET))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"" + "x".repeat(2048) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.body.too-large");
    }

    @Test
    void reportsHealthWithoutCredentials() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
