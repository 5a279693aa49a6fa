package io.smartrouter.gateway.project.web;

import static io.smartrouter.gateway.support.StubService.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.gateway.support.StubService;
import io.smartrouter.platform.testing.H2Statements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operator API: projects, key rotation and revocation, and what each key may then do at the gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class AdminApiTests {

    static final String OPERATOR = "Bearer op_test_token";
    static final StubService STUB = new StubService();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;
    @Autowired
    DataSource gatewayDatabase;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:admin-tests;DB_CLOSE_DELAY=-1");
        registry.add("smartrouter.gateway.operator-token", () -> "op_test_token");
        registry.add("smartrouter.gateway.services.invoice", STUB::url);
        registry.add("smartrouter.gateway.services.vault", STUB::url);
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void onlyTheOperatorTokenOpensTheAdminApi() {
        for (String authorization : new String[] {null, "Bearer op_local_dev", "Bearer ", "Bearer op_test_token2",
            "op_test_token", basic("test-proj_demo", "key_test_demo"), "Basic op_test_token"}) {
            var request = client.get().uri("/admin/projects");
            if (authorization != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            request.exchange().expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.invalid");
        }
        client.post().uri("/admin/projects").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\"}")
                .exchange().expectStatus().isUnauthorized();
        client.get().uri("/admin/projects").header(HttpHeaders.AUTHORIZATION, "bearer op_test_token").exchange()
                .expectStatus().isOk();
    }

    @Test
    void createsASandboxProjectWhoseSecretIsShownOnceAndWorksAtOnce() {
        JsonNode created = admin(HttpMethod.POST, "/admin/projects", "{\"name\":\"Shop\",\"sandbox\":true}", 200);
        String id = created.at("/project/id").asString();
        String secret = created.at("/secret_key").asString();
        assertThat(id).matches("test-proj_[a-z2-7]{26}");
        assertThat(secret).matches("key_test_[a-z2-7]{52}");
        assertThat(created.at("/project/name").asString()).isEqualTo("Shop");
        assertThat(created.at("/project/sandbox").asBoolean()).isTrue();
        assertThat(created.at("/project/created_at").asString()).endsWith("Z");
        assertThat(created.at("/key/id").asString()).matches("key_[a-z2-7]{26}");

        JsonNode read = admin(HttpMethod.GET, "/admin/projects/" + id, null, 200);
        assertThat(read.at("/project")).isEqualTo(created.at("/project"));
        JsonNode keys = admin(HttpMethod.GET, "/admin/projects/" + id + "/keys", null, 200);
        assertThat(keys.toString()).doesNotContain(secret).doesNotContain("hash");
        assertThat(keys.at("/keys/0/id").asString()).isEqualTo(created.at("/key/id").asString());
        assertThat(keys.at("/keys/0/active").asBoolean()).as(keys.toString()).isTrue();

        client.get().uri("/invoices/iv_1").header(HttpHeaders.AUTHORIZATION, basic(id, secret)).exchange()
                .expectStatus().isOk();
        client.post().uri("/cards").header(HttpHeaders.AUTHORIZATION, basic(id, "")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
    }

    @Test
    void aLiveProjectHasLiveKeysOnly() {
        JsonNode created = admin(HttpMethod.POST, "/admin/projects", "{\"name\":\"Live shop\",\"sandbox\":false}", 200);
        String id = created.at("/project/id").asString();
        String secret = created.at("/secret_key").asString();
        assertThat(id).matches("proj_[a-z2-7]{26}");
        assertThat(secret).matches("key_live_[a-z2-7]{52}");
        assertThat(created.at("/project/sandbox").asBoolean()).isFalse();
        assertThat(admin(HttpMethod.POST, "/admin/projects/" + id + "/keys", null, 200).at("/secret_key").asString())
                .startsWith("key_live_");
        client.get().uri("/invoices/iv_1").header(HttpHeaders.AUTHORIZATION, basic(id, secret)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void rotatesAndRevokesKeysDownToTheLastOne() {
        JsonNode created = admin(HttpMethod.POST, "/admin/projects", "{\"name\":\"Rotating\"}", 200);
        String id = created.at("/project/id").asString();
        String oldSecret = created.at("/secret_key").asString();
        String oldKey = created.at("/key/id").asString();
        JsonNode rotated = admin(HttpMethod.POST, "/admin/projects/" + id + "/keys", null, 200);
        String newSecret = rotated.at("/secret_key").asString();
        String newKey = rotated.at("/key/id").asString();
        assertThat(newSecret).isNotEqualTo(oldSecret);

        assertThat(status(id, oldSecret)).isEqualTo(200);
        assertThat(status(id, newSecret)).isEqualTo(200);

        JsonNode revoked = admin(HttpMethod.DELETE, "/admin/projects/" + id + "/keys/" + oldKey, null, 200);
        assertThat(revoked.at("/key/active").asBoolean()).isFalse();
        assertThat(revoked.at("/key/revoked_at").asString()).endsWith("Z");
        assertThat(status(id, oldSecret)).isEqualTo(401);
        assertThat(status(id, newSecret)).isEqualTo(200);
        // Revoking again changes nothing.
        assertThat(admin(HttpMethod.DELETE, "/admin/projects/" + id + "/keys/" + oldKey, null, 200).at("/key/revoked_at"))
                .isEqualTo(revoked.at("/key/revoked_at"));

        admin(HttpMethod.DELETE, "/admin/projects/" + id + "/keys/" + newKey, null, 200);
        assertThat(status(id, newSecret)).isEqualTo(401);
        // Without any active key the project keeps its public key (the checkout keeps working) until a new key comes.
        client.post().uri("/cards").header(HttpHeaders.AUTHORIZATION, basic(id, "")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        JsonNode keys = admin(HttpMethod.GET, "/admin/projects/" + id + "/keys", null, 200);
        assertThat(keys.at("/keys").size()).isEqualTo(2);
        assertThat(keys.at("/keys/0/active").asBoolean()).isFalse();
        assertThat(keys.at("/keys/1/active").asBoolean()).isFalse();
        String third = admin(HttpMethod.POST, "/admin/projects/" + id + "/keys", null, 200).at("/secret_key").asString();
        assertThat(status(id, third)).isEqualTo(200);
    }

    @Test
    void answersUnknownProjectsAndKeysAndBadRequestsInTheEnvelope() {
        String id = admin(HttpMethod.POST, "/admin/projects", "{\"name\":\"Errors\"}", 200).at("/project/id").asString();
        assertError(HttpMethod.GET, "/admin/projects/test-proj_nobody", null, 404, "resource.project.not-found");
        assertError(HttpMethod.GET, "/admin/projects/not-an-id", null, 404, "resource.project.not-found");
        assertError(HttpMethod.POST, "/admin/projects/test-proj_nobody/keys", null, 404, "resource.project.not-found");
        assertError(HttpMethod.GET, "/admin/projects/test-proj_nobody/keys", null, 404, "resource.project.not-found");
        assertError(HttpMethod.DELETE, "/admin/projects/" + id + "/keys/key_nope", null, 404, "resource.key.not-found");
        assertError(HttpMethod.POST, "/admin/projects", "{}", 400, "request.validation.missing-field");
        assertError(HttpMethod.POST, "/admin/projects", "{\"name\":\"  \"}", 400, "request.validation.missing-field");
        assertError(HttpMethod.POST, "/admin/projects", "{\"name\":\"" + "n".repeat(201) + "\"}", 400,
                "request.validation.invalid-field");
        assertError(HttpMethod.POST, "/admin/projects", "{\"name\":\"x\",\"owner\":\"y\"}", 400,
                "request.validation.unknown-field");
        assertError(HttpMethod.POST, "/admin/projects", "{\"name\":\"x\",\"sandbox\":\"yes\"}", 400,
                "request.validation.invalid-type");
        assertError(HttpMethod.POST, "/admin/projects", "{\"name\":", 400, "request.validation.invalid-json");
        assertError(HttpMethod.PUT, "/admin/projects", "{\"name\":\"x\"}", 405, "request.method.not-allowed");
        assertError(HttpMethod.GET, "/admin/nothing", null, 404, "request.route.not-found");
        assertError(HttpMethod.GET, "/admin/projects?limit=0", null, 400, "request.validation.invalid-field");
        client.post().uri("/admin/projects").header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("name").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.content-type.unsupported");
    }

    @Test
    void listsProjectsNewestFirstWithCursors() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(admin(HttpMethod.POST, "/admin/projects", "{\"name\":\"Page " + i + "\"}", 200)
                    .at("/project/id").asString());
        }
        JsonNode first = admin(HttpMethod.GET, "/admin/projects?limit=2", null, 200);
        assertThat(first.at("/projects").size()).isEqualTo(2);
        assertThat(first.at("/has_more").asBoolean()).isTrue();
        assertThat(first.at("/projects/0/id").asString()).isEqualTo(ids.get(2));
        assertThat(first.at("/projects/1/id").asString()).isEqualTo(ids.get(1));
        JsonNode next = admin(HttpMethod.GET, "/admin/projects?limit=1&start_after=" + ids.get(1), null, 200);
        assertThat(next.at("/projects/0/id").asString()).isEqualTo(ids.get(0));
        JsonNode back = admin(HttpMethod.GET, "/admin/projects?limit=2&end_before=" + ids.get(0), null, 200);
        assertThat(back.at("/projects/0/id").asString()).isEqualTo(ids.get(2));
        assertThat(back.at("/projects/1/id").asString()).isEqualTo(ids.get(1));
        assertThat(admin(HttpMethod.GET, "/admin/projects?limit=100", null, 200).toString())
                .contains("test-proj_demo").doesNotContain("secret");
    }

    @Test
    void aKeyCheckedAMomentAgoIsCheckedInMemoryAndARevocationHereTakesEffectAtOnce() {
        JsonNode created = admin(HttpMethod.POST, "/admin/projects", "{\"name\":\"Remembered\"}", 200);
        String id = created.at("/project/id").asString();
        String secret = created.at("/secret_key").asString();
        assertThat(status(id, secret)).isEqualTo(200);
        Map<String, Integer> sent = H2Statements.executionsDuring(new JdbcTemplate(gatewayDatabase), () -> {
            for (int i = 0; i < 5; i++) {
                assertThat(status(id, secret)).isEqualTo(200);
            }
        });
        assertThat(sent.keySet()).noneMatch(sql -> sql.contains("gateway_api_key"));

        admin(HttpMethod.DELETE, "/admin/projects/" + id + "/keys/" + created.at("/key/id").asString(), null, 200);
        assertThat(status(id, secret)).isEqualTo(401);
    }

    private int status(String project, String secret) {
        return client.get().uri("/invoices/iv_1").header(HttpHeaders.AUTHORIZATION, basic(project, secret)).exchange()
                .returnResult(String.class).getStatus().value();
    }

    private JsonNode admin(HttpMethod method, String path, String body, int status) {
        var request = client.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, OPERATOR);
        var spec = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        String answer = spec.exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
                .getResponseBody();
        return JSON.readTree(answer);
    }

    private void assertError(HttpMethod method, String path, String body, int status, String errorType) {
        JsonNode answer = admin(method, path, body, status);
        assertThat(answer.at("/success").asBoolean()).isFalse();
        assertThat(answer.at("/error_type").asString()).as(method + " " + path + " " + body).isEqualTo(errorType);
    }
}
