package io.smartrouter.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.testing.OpenApiContract;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /openapi.json} and {@code /docs} are answered by the gateway itself, without credentials, read-only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:openapi-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureWebTestClient
class OpenApiEndpointsTests {

    @Autowired
    WebTestClient client;

    @Autowired
    ApplicationContext context;

    /** The operator API's handlers (the gateway's own controllers) are exactly the document's gateway operations. */
    @Test
    void theOperatorApiMatchesTheDocument() {
        OpenApiContract.assertHandlersMatchDocument(context, "gateway", Set.of());
    }

    @Test
    void servesTheDocumentAsJsonWithoutCredentials() {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = client.get().uri("/openapi.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(document).containsEntry("openapi", "3.1.0");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertThat(paths).containsKeys("/invoices", "/invoices/{invoice_id}/authorize", "/cards", "/admin/projects");
        // Response codes are strings in JSON even where YAML could read them as numbers.
        assertThat(client.get().uri("/openapi.json").exchange().expectBody(String.class).returnResult()
                .getResponseBody()).contains("\"responses\":{\"200\":");
    }

    @Test
    void servesTheUiPointedAtTheDocument() {
        String page = client.get().uri("/docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("data-openapi=\"/openapi.json\"", "/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css");
        assertThat(client.get().uri("/docs/docs.js").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains("supportedSubmitMethods: []", "dataset.openapi");
        // The bundle is larger than the test client's default buffer.
        WebTestClient large = client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 << 20)).build();
        assertThat(large.get().uri("/docs/swagger-ui-bundle.js").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("SwaggerUIBundle");
        client.get().uri("/docs/swagger-ui.css").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("text/css"));
    }

    @Test
    void servesNothingElseWithoutCredentials() {
        client.get().uri("/docs/index.html").exchange().expectStatus().isNotFound();
        client.post().uri("/openapi.json").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().is4xxClientError()
                .expectBody().jsonPath("$.success").isEqualTo(false);
        client.get().uri("/openapi.jsonx").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.route.not-found");
        client.get().uri("/invoices").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
    }
}
