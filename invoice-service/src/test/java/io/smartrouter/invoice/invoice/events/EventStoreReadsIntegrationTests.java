package io.smartrouter.invoice.invoice.events;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.axon.IndexedGapsJpaEventStorageEngine;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The outbox reads events after a gap-aware token: the gaps' events, then those after the token, in order — as Axon's
 * own query does, but in two indexed queries (Axon's single {@code > OR IN} query scanned the whole table on H2).
 */
class EventStoreReadsIntegrationTests extends InvoiceServiceIntegrationTest {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;

    @Test
    void readsTheGapsThenWhatFollowsTheTokenInOrder() {
        assertThat(engine).isInstanceOf(IndexedGapsJpaEventStorageEngine.class);
        for (int i = 0; i < 6; i++) {
            GatewayRequests.withSecretKey(unsigned, auth, DEMO).post().uri("/invoices")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"Gap " + i + "\",\"amount\":\"1.00\",\"currency\":\"EUR\"}")
                    .exchange().expectStatus().isOk();
        }
        List<Long> indexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index",
                Long.class);
        List<String> ids = jdbc.queryForList("SELECT event_identifier FROM domain_event_entry ORDER BY global_index",
                String.class);
        int last = indexes.size() - 1;
        // A reader that has seen up to the third-last event, except two earlier ones it is still waiting for.
        var gaps = new TreeSet<>(List.of(indexes.get(last - 5), indexes.get(last - 3)));
        var token = GapAwareTrackingToken.newInstance(indexes.get(last - 2), gaps);

        List<String> read;
        try (var events = engine.readEvents(token, false)) {
            read = events.map(TrackedEventMessage::getIdentifier).collect(Collectors.toList());
        }

        assertThat(read).containsExactly(ids.get(last - 5), ids.get(last - 3), ids.get(last - 1), ids.get(last));
    }
}
