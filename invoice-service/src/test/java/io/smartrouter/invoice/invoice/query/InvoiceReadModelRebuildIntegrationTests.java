package io.smartrouter.invoice.invoice.query;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The read model can be thrown away and rebuilt from the event store, to the byte. */
class InvoiceReadModelRebuildIntegrationTests extends InvoiceServiceIntegrationTest {

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    InvoiceReadModelRebuild rebuild;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rebuildsTheSameInvoicesFromTheirEvents() {
        var demo = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        var created = demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Rebuilt\",\"amount\":\"3.00\",\"currency\":\"EUR\",\"metadata\":{\"k\":\"v\"}}")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) created.get("invoice")).get("id");
        demo.put().uri("/invoices/{id}/fulfillment", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"status\":\"shipped\",\"carrier\":\"DHL\"}").exchange().expectStatus().isOk();
        String before = demo.get().uri("/invoices/{id}", id).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        int rows = jdbc.queryForObject("SELECT COUNT(*) FROM invoice_summary", Integer.class);

        jdbc.update("DELETE FROM invoice_summary");
        demo.get().uri("/invoices/{id}", id).exchange().expectStatus().isNotFound();

        long replayed = rebuild.rebuild();

        assertThat(replayed).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_summary", Integer.class)).isEqualTo(rows);
        assertThat(demo.get().uri("/invoices/{id}", id).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).isEqualTo(before);
    }

    @Test
    void repairsACorruptedRow() {
        var demo = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        var created = demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Repaired\",\"amount\":\"1.00\",\"currency\":\"USD\"}")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) created.get("invoice")).get("id");
        jdbc.update("UPDATE invoice_summary SET fulfillment_status = 'delivered' WHERE invoice_id = ?", id);

        rebuild.rebuild();

        assertThat(jdbc.queryForObject("SELECT fulfillment_status FROM invoice_summary WHERE invoice_id = ?",
                String.class, id)).isEqualTo("pending");
    }
}
