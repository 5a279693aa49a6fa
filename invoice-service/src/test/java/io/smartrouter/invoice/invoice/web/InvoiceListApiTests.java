package io.smartrouter.invoice.invoice.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /invoices}: cursor pagination of API.md and the created-at and fulfillment filters. */
class InvoiceListApiTests extends InvoiceServiceIntegrationTest {

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;

    WebTestClient project;
    List<String> newestFirst;

    /** Five invoices in a project of their own, so that other tests' invoices do not show. */
    @BeforeEach
    void fiveInvoices() {
        project = GatewayRequests.withSecretKey(unsigned, auth, new ProjectId("test-proj_list" + Ids.random()));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(InvoiceApiTests.createInvoice(project,
                    "{\"name\":\"Order " + i + "\",\"amount\":\"1.00\",\"currency\":\"USD\"}"));
        }
        // The reference order is the full list; invoices created in the same millisecond are ordered by id.
        newestFirst = ids(list("limit=100"));
        assertThat(newestFirst).containsExactlyInAnyOrderElementsOf(created);
        assertThat(createdAt(list("limit=100"))).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void pagesNewestFirstWithCursorsBothWays() {
        var first = list("limit=2");
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(first).containsEntry("has_more", true);

        var second = list("limit=2&start_after=" + newestFirst.get(1));
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
        var last = list("limit=2&start_after=" + newestFirst.get(3));
        assertThat(ids(last)).containsExactly(newestFirst.get(4));
        assertThat(last).containsEntry("has_more", false);

        var back = list("limit=2&end_before=" + newestFirst.get(4));
        assertThat(ids(back)).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(back).containsEntry("has_more", true);
    }

    @Test
    void ordersOldestFirstOnRequest() {
        assertThat(ids(list("order=asc&limit=10"))).containsExactlyElementsOf(reversed(newestFirst));
        assertThat(ids(list("order=asc&limit=2&start_after=" + newestFirst.get(4))))
                .containsExactly(newestFirst.get(3), newestFirst.get(2));
    }

    @Test
    void filtersByFulfillmentStatusAndCreationTime() {
        project.put().uri("/invoices/{id}/fulfillment", newestFirst.get(2)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"status\":\"processing\"}").exchange().expectStatus().isOk();
        assertThat(ids(list("fulfillment_status=processing"))).containsExactly(newestFirst.get(2));
        assertThat(ids(list("fulfillment_status=pending"))).hasSize(4);

        @SuppressWarnings("unchecked")
        var oldest = ((List<Map<String, Object>>) list("order=asc&limit=1").get("invoices")).get(0);
        assertThat(ids(list("created_after=" + oldest.get("created_at")))).doesNotContain(newestFirst.get(4));
        assertThat(ids(list("created_before=" + oldest.get("created_at")))).isEmpty();
    }

    @Test
    void rejectsBadParameters() {
        for (String query : new String[] {"limit=0", "limit=101", "limit=ten", "order=up", "start_after=nope",
            "start_after=iv_aaaaaaaaaaaaaaaaaaaaaaaaaa", "fulfillment_status=lost", "created_after=yesterday",
            "colour=red", "start_after=" + "iv_aaaaaaaaaaaaaaaaaaaaaaaaaa" + "&end_before=iv_aaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
            project.get().uri("/invoices?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.invalid-field");
        }
    }

    @Test
    void neverShowsAnotherProjectsInvoices() {
        var other = GatewayRequests.withSecretKey(unsigned, auth, new ProjectId("test-proj_list" + Ids.random()));
        other.get().uri("/invoices").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.invoices.length()").isEqualTo(0).jsonPath("$.has_more").isEqualTo(false);
        other.get().uri("/invoices?start_after=" + newestFirst.get(0)).exchange().expectStatus().isBadRequest();
    }

    private Map<String, Object> list(String query) {
        return project.get().uri("/invoices?" + query).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Instant> createdAt(Map<String, Object> page) {
        // As instants, not strings: an RFC 3339 time on a whole second has no fraction ("…:23Z" sorts after "…:23.049Z").
        return ((List<Map<String, Object>>) page.get("invoices")).stream()
                .map(i -> Instant.parse((String) i.get("created_at"))).toList();
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("invoices")).stream().map(i -> (String) i.get("id")).toList();
    }
}
