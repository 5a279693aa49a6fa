package io.smartrouter.invoice.invoice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.fail;

import io.smartrouter.invoice.invoice.api.FindInvoiceQuery;
import io.smartrouter.invoice.invoice.api.InvoiceOfProjectQuery;
import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.H2Statements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A lookup by id reads one invoice however many its project has. Checked with H2's own row counts ({@code EXPLAIN
 * ANALYZE}) of the statements Hibernate really sent (H2's query statistics), in a project of 1,000 invoices whose
 * table H2 has not analysed yet — when, given the project as well as the id, it planned with the list index and read
 * every invoice of the project.
 */
class InvoiceLookupPlanIntegrationTests extends InvoiceServiceIntegrationTest {

    private static final ProjectId PROJECT = new ProjectId("test-proj_plans");
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    QueryGateway queries;

    @AfterEach
    void removeTheFiller() {
        jdbc.update("DELETE FROM invoice_summary WHERE project_id = ? AND invoice_id LIKE 'iv_filler%'", PROJECT.value());
    }

    @Test
    void findsAnInvoiceByItsPrimaryKey() {
        String invoiceId = createInvoice();
        jdbc.update("INSERT INTO invoice_summary (invoice_id, project_id, created_at, fulfillment_status, document) "
                + "SELECT 'iv_filler' || X, ?, DATEADD('DAY', -X, CURRENT_TIMESTAMP), 'pending', '{}' "
                + "FROM SYSTEM_RANGE(1, 1000)", PROJECT.value());
        // As before H2 gathers statistics: every column at its default selectivity.
        for (String column : List.of("invoice_id", "project_id", "created_at")) {
            jdbc.execute("ALTER TABLE invoice_summary ALTER COLUMN " + column + " SELECTIVITY 50");
        }

        List<String> lookups = H2Statements.sentDuring(jdbc, () -> {
            assertThat(find(PROJECT, invoiceId)).hasValueSatisfying(found ->
                    assertThat(found.invoice().invoiceId()).isEqualTo(invoiceId));
            assertThat(find(GatewayRequests.DEMO, invoiceId)).isEmpty();
            assertThat(isOfProject(PROJECT, invoiceId)).isTrue();
            assertThat(isOfProject(GatewayRequests.DEMO, invoiceId)).isFalse();
        }).stream().filter(sql -> sql.contains("from invoice_summary") && sql.contains("where")).toList();
        assertThat(lookups).hasSize(2);
        lookups.forEach(sql -> assertThat(rowsRead(sql, invoiceId)).as(sql).isLessThanOrEqualTo(2));
    }

    /**
     * A new invoice's summary is inserted and never looked up: not by its new id first, and not for the answer, which
     * is built from the event (ADR 0030).
     */
    @Test
    void insertsANewInvoiceWithoutALookup() {
        Map<String, Integer> summaries = new HashMap<>();
        H2Statements.executionsDuring(jdbc, this::createInvoice).forEach((sql, times) -> {
            if (sql.contains(" invoice_summary")) {
                summaries.merge(sql.substring(0, sql.indexOf(' ')), times, Integer::sum);
            }
        });
        assertThat(summaries).containsOnly(entry("insert", 1));
    }

    private String createInvoice() {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = GatewayRequests.withSecretKey(unsigned, auth, PROJECT).post().uri("/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Looked up\",\"amount\":\"4.00\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) created.get("invoice")).get("id");
        return id;
    }

    private Optional<InvoiceWithTransaction> find(ProjectId project, String invoiceId) {
        return queries.query(new FindInvoiceQuery(project, invoiceId),
                ResponseTypes.optionalInstanceOf(InvoiceWithTransaction.class)).join();
    }

    private boolean isOfProject(ProjectId project, String invoiceId) {
        return queries.query(new InvoiceOfProjectQuery(project, invoiceId), Boolean.class).join();
    }

    /** The most rows any table access of {@code sql} read, run with the invoice id, the project, a limit of 1. */
    private int rowsRead(String sql, String invoiceId) {
        List<Object> parameters = new ArrayList<>();
        String[] beforeEach = sql.split("\\?", -1);
        for (int i = 0; i < beforeEach.length - 1; i++) {
            String before = beforeEach[i].strip();
            parameters.add(before.endsWith("invoice_id=") ? invoiceId
                    : before.endsWith("project_id=") ? PROJECT.value()
                    : before.endsWith("fetch first") ? (Object) 1
                    : fail("A parameter this test does not know: " + sql));
        }
        String plan = jdbc.queryForObject("EXPLAIN ANALYZE " + sql, String.class, parameters.toArray());
        Matcher scans = SCAN_COUNT.matcher(plan);
        int most = 0;
        while (scans.find()) {
            most = Math.max(most, Integer.parseInt(scans.group(1)));
        }
        assertThat(plan).contains("scanCount");
        return most;
    }
}
