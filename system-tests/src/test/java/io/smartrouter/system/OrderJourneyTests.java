package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.invoice.InvoiceFulfillmentUpdatedEvent;
import io.smartrouter.schemas.serde.EventPayloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A merchant's order from checkout to delivery, through the gateway: the whole order object, its fulfillment walked to
 * delivered (a step back refused), the list paged, and the fulfillment events on Kafka for downstream teams.
 */
@ExtendWith(RunningPlatform.class)
class OrderJourneyTests {

    static final String ORDER = """
            {"name": "Order 42", "amount": "23.50", "currency": "USD", "reference_id": "order-42",
             "details": [{"name": "Shirt", "amount": "7.50", "quantity": 2, "type": "physical"},
                         {"name": "Socks", "amount": "2.00"}],
             "shipping": {"amount": "5.00", "method": "express", "first_name": "Ada", "last_name": "Lovelace",
                          "address1": "1 Main St", "city": "London", "zip": "N1", "country_code": "GB"},
             "tax": {"amount": "1.50", "rate": "20.00"},
             "metadata": {"channel": "web"}}
            """;

    @Test
    void anOrderGoesFromCheckoutToDelivery(RunningPlatform running) {
        var merchant = running.demo();
        var created = merchant.post("/invoices", ORDER);
        assertThat(created.status()).isEqualTo(200);
        String id = created.text("/invoice/id");
        assertThat(created.text("/invoice/details/0/amount")).isEqualTo("7.50");
        assertThat(created.text("/invoice/shipping/country_code")).isEqualTo("GB");
        assertThat(created.text("/invoice/fulfillment/status")).isEqualTo("pending");

        for (String step : List.of("{\"status\":\"processing\"}",
                "{\"status\":\"shipped\",\"carrier\":\"DHL\",\"tracking_number\":\"JD0001\"}",
                "{\"status\":\"delivered\",\"note\":\"signed by Ada\"}")) {
            assertThat(put(running, "/invoices/" + id + "/fulfillment", step).status()).isEqualTo(200);
        }
        var stepBack = put(running, "/invoices/" + id + "/fulfillment", "{\"status\":\"processing\"}");
        assertThat(stepBack.status()).isEqualTo(409);
        assertThat(stepBack.text("/error_type")).isEqualTo("request.invoice.illegal-fulfillment-transition");

        var delivered = merchant.get("/invoices/" + id);
        assertThat(delivered.text("/invoice/fulfillment/status")).isEqualTo("delivered");
        assertThat(delivered.json().at("/invoice/fulfillment/history").size()).isEqualTo(3);
        assertThat(delivered.text("/invoice/fulfillment/history/1/tracking_number")).isEqualTo("JD0001");

        var deliveredOnly = merchant.get("/invoices?fulfillment_status=delivered&limit=100");
        assertThat(deliveredOnly.json().at("/invoices").findValuesAsString("id")).contains(id);
        assertThat(running.other().get("/invoices?limit=100").json().at("/invoices").findValuesAsString("id"))
                .doesNotContain(id);

        try (var log = new EventLog(running.kafkaBootstrapServers(), Topics.INVOICES)) {
            var records = log.readUntil(seen -> seen.stream().filter(r -> id.equals(r.key())).count() >= 4,
                    Duration.ofSeconds(60));
            List<String> statuses = new ArrayList<>();
            records.stream().filter(r -> id.equals(r.key())).map(log::envelope)
                    .filter(envelope -> envelope.getEventType().endsWith("InvoiceFulfillmentUpdatedEvent"))
                    .map(envelope -> (InvoiceFulfillmentUpdatedEvent) EventPayloads.decode(envelope.getPayload()))
                    .forEach(event -> statuses.add(event.getStatus()));
            assertThat(statuses).containsExactly("processing", "shipped", "delivered");
        }
    }

    @Test
    void theListIsPagedWithCursors(RunningPlatform running) {
        var merchant = running.other();
        for (int i = 0; i < 3; i++) {
            assertThat(merchant.post("/invoices", "{\"name\":\"Page " + i + "\",\"amount\":\"1.00\",\"currency\":\"EUR\"}")
                    .status()).isEqualTo(200);
        }
        var all = merchant.get("/invoices?limit=100").json().at("/invoices").findValuesAsString("id");
        var first = merchant.get("/invoices?limit=2");
        assertThat(first.json().at("/invoices").findValuesAsString("id")).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(first.json().at("/has_more").asBoolean()).isTrue();
        var next = merchant.get("/invoices?limit=2&start_after=" + all.get(1));
        assertThat(next.json().at("/invoices").findValuesAsString("id")).containsExactlyElementsOf(
                all.subList(2, Math.min(4, all.size())));
    }

    private static ApiClient.Response put(RunningPlatform running, String path, String json) {
        return running.demo().put(path, json);
    }
}
