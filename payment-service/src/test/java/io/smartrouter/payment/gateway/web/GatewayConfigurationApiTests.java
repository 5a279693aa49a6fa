package io.smartrouter.payment.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.support.PaymentServiceIntegrationTest;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Gateway configurations and routing rules through the API: CRUD, write-only settings, isolation, validation. */
class GatewayConfigurationApiTests extends PaymentServiceIntegrationTest {

    static final String SECRET = "sk_live_ThisMustNeverLeak_42";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    JdbcTemplate jdbc;

    ProjectId project;
    WebTestClient server;
    WebTestClient other;

    @BeforeEach
    void projects() {
        project = new ProjectId("test-proj_" + Ids.random());
        server = GatewayRequests.withSecretKey(unsigned, auth, project);
        other = GatewayRequests.withSecretKey(unsigned, auth, new ProjectId("test-proj_" + Ids.random()));
    }

    WebTestClient.ResponseSpec send(WebTestClient client, String method, String path, String json) {
        var request = client.method(HttpMethod.valueOf(method)).uri(path);
        return json == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    String create(String settingsJson) {
        String body = send(server, "POST", "/gateway-configurations", "{\"gateway\":\"scripted\",\"name\":\"Main\","
                + "\"settings\":" + settingsJson + "}").expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(body).doesNotContain(SECRET).doesNotContain("\"settings\"");
        return (String) ((Map<?, ?>) JSON.readValue(body, Map.class).get("gateway_configuration")).get("id");
    }

    @Test
    void createsReadsUpdatesAndDeletesWithoutEverAnsweringTheSettings() {
        String id = create("{\"api_key\":\"" + SECRET + "\",\"account\":\"acme\"}");
        assertThat(id).startsWith("gway_conf_");

        send(server, "GET", "/gateway-configurations/" + id, null).expectStatus().isOk().expectBody()
                .jsonPath("$.gateway_configuration.gateway").isEqualTo("scripted")
                .jsonPath("$.gateway_configuration.enabled").isEqualTo(true)
                .jsonPath("$.gateway_configuration.settings_keys").isEqualTo(List.of("account", "api_key"))
                .jsonPath("$.gateway_configuration.settings_fingerprint").isNotEmpty()
                .jsonPath("$.gateway_configuration.settings").doesNotExist();
        send(server, "PUT", "/gateway-configurations/" + id, "{\"name\":\"Backup\",\"enabled\":false}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.gateway_configuration.name").isEqualTo("Backup")
                .jsonPath("$.gateway_configuration.enabled").isEqualTo(false);
        send(server, "GET", "/gateway-configurations", null).expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains(id).doesNotContain(SECRET));
        send(server, "PUT", "/gateway-configurations/" + id, "{\"gateway\":\"sandbox\"}").expectStatus().isBadRequest();

        send(server, "DELETE", "/gateway-configurations/" + id, null).expectStatus().isOk();
        send(server, "GET", "/gateway-configurations/" + id, null).expectStatus().isNotFound().expectBody()
                .jsonPath("$.error_type").isEqualTo("resource.gateway_configuration.not-found");
    }

    @Test
    void anotherProjectsConfigurationIsNotFound() {
        String id = create("{\"api_key\":\"" + SECRET + "\"}");
        send(other, "GET", "/gateway-configurations/" + id, null).expectStatus().isNotFound();
        send(other, "PUT", "/gateway-configurations/" + id, "{\"name\":\"Mine\"}").expectStatus().isNotFound();
        send(other, "DELETE", "/gateway-configurations/" + id, null).expectStatus().isNotFound();
        send(other, "GET", "/gateway-configurations", null).expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(id));
        send(other, "PUT", "/routing-rules", "{\"rules\":[{\"name\":\"steal\",\"gateway_configuration_ids\":[\"" + id
                + "\"]}]}").expectStatus().isBadRequest();
        send(server, "GET", "/gateway-configurations/" + id, null).expectStatus().isOk();
    }

    @Test
    void badConfigurationsAre400sThatNeverEchoTheSettings() {
        send(server, "POST", "/gateway-configurations", "{\"gateway\":\"nope\",\"name\":\"X\"}")
                .expectStatus().isBadRequest();
        send(server, "POST", "/gateway-configurations", "{\"name\":\"X\"}").expectStatus().isBadRequest();
        send(server, "POST", "/gateway-configurations", "{\"gateway\":\"scripted\",\"name\":\"X\",\"settings\":"
                + "{\"account\":\"" + SECRET + "\"}}").expectStatus().isBadRequest().expectBody(String.class)
                .value(body -> assertThat(body).contains("api_key").doesNotContain(SECRET));
        send(server, "POST", "/gateway-configurations", "{\"gateway\":\"sandbox\",\"name\":\"X\",\"settings\":"
                + "{\"api_key\":\"" + SECRET + "\"}}").expectStatus().isBadRequest().expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(SECRET));
        GatewayRequests.asProject(unsigned, auth, project, KeyType.PUBLIC).get().uri("/gateway-configurations")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void settingsAreEncryptedAtRestEverywhereInTheDatabase() {
        create("{\"api_key\":\"" + SECRET + "\"}");
        String needle = "ThisMustNeverLeak";
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'PUBLIC'", String.class);
        assertThat(tables).contains("GATEWAY_CONFIGURATION", "DOMAIN_EVENT_ENTRY");
        for (String table : tables) {
            jdbc.query("select * from \"" + table + "\"", rows -> {
                int columns = rows.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    Object value = rows.getObject(i);
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                            : value instanceof Blob blob ? new String(blob.getBytes(1, (int) blob.length()),
                                    StandardCharsets.ISO_8859_1)
                            : String.valueOf(value);
                    assertThat(text).as(table).doesNotContain(needle);
                }
            });
        }
    }

    @Test
    void routingRulesAreValidatedAndReadBack() {
        String id = create("{\"api_key\":\"" + SECRET + "\"}");
        String gateways = "\"gateway_configuration_ids\":[\"" + id + "\",\"sandbox\"]";
        for (String bad : List.of(
                "{\"attribute\":\"colour\",\"operator\":\"==\",\"value\":\"red\"}",
                "{\"attribute\":\"amount\",\"operator\":\"~\",\"value\":\"1.00\"}",
                "{\"attribute\":\"currency\",\"operator\":\"<\",\"value\":\"EUR\"}",
                "{\"attribute\":\"amount\",\"operator\":\">\",\"value\":\"ten\"}",
                "{\"attribute\":\"amount\",\"operator\":\">\",\"value\":10}",
                "{\"attribute\":\"currency\",\"operator\":\"==\",\"value\":\"XYZ\"}",
                "{\"attribute\":\"card_scheme\",\"operator\":\"==\",\"value\":\"amex\"}",
                "{\"attribute\":\"card_country\",\"operator\":\"in\",\"value\":\"FR\"}",
                "{\"attribute\":\"card_type\",\"operator\":\"==\",\"value\":\"charge\"}",
                "{\"attribute\":\"initiation_type\",\"operator\":\"==\",\"value\":\"moto\"}",
                "{\"attribute\":\"amount\",\"operator\":\">\"}")) {
            send(server, "PUT", "/routing-rules", "{\"rules\":[{\"name\":\"r\",\"conditions\":[" + bad + "],"
                    + gateways + "}]}").expectStatus().isBadRequest();
        }
        send(server, "PUT", "/routing-rules", "{\"rules\":[{\"name\":\"r\",\"gateway_configuration_ids\":[]}]}")
                .expectStatus().isBadRequest();
        send(server, "PUT", "/routing-rules", "{\"rules\":[{\"name\":\"r\"," + gateways
                + ",\"fallback_on\":[\"always\"]}]}").expectStatus().isBadRequest();
        send(server, "PUT", "/routing-rules", "{\"rules\":[{\"name\":\"r\",\"gateway_configuration_ids\":"
                + "[\"gway_conf_unknown\"]}]}").expectStatus().isBadRequest();

        send(server, "PUT", "/routing-rules", "{\"rules\":[{\"name\":\"big EUR\",\"conditions\":["
                + "{\"attribute\":\"currency\",\"operator\":\"==\",\"value\":\"eur\"},"
                + "{\"attribute\":\"amount\",\"operator\":\">=\",\"value\":\"100.00\"},"
                + "{\"attribute\":\"card_country\",\"operator\":\"in\",\"value\":[\"fr\",\"DE\"]},"
                + "{\"attribute\":\"metadata.channel\",\"operator\":\"!=\",\"value\":\"app\"}]," + gateways
                + ",\"fallback_on\":[\"soft_decline\",\"gateway_error\"],\"tags\":[\"eu\"]}]}")
                .expectStatus().isOk();
        send(server, "GET", "/routing-rules", null).expectStatus().isOk().expectBody()
                .jsonPath("$.rules[0].id").value(ruleId -> assertThat((String) ruleId).startsWith("rr_"))
                .jsonPath("$.rules[0].conditions[0].value").isEqualTo("EUR")
                .jsonPath("$.rules[0].conditions[1].value").isEqualTo("100.00")
                .jsonPath("$.rules[0].conditions[2].value").isEqualTo(List.of("FR", "DE"))
                .jsonPath("$.rules[0].gateway_configuration_ids").isEqualTo(List.of(id, "sandbox"))
                .jsonPath("$.rules[0].fallback_on").isEqualTo(List.of("gateway_error", "soft_decline"))
                .jsonPath("$.rules[0].tags").isEqualTo(List.of("eu"));
        send(other, "GET", "/routing-rules", null).expectStatus().isOk().expectBody()
                .jsonPath("$.rules").isEmpty();
    }
}
