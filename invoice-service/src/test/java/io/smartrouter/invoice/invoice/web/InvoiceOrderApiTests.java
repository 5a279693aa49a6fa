package io.smartrouter.invoice.invoice.web;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.platform.testing.GatewayRequests.OTHER;

import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole order object of API.md: line items, shipping, tax, metadata, and the fulfillment state machine. */
class InvoiceOrderApiTests extends InvoiceServiceIntegrationTest {

    static final String FULL_ORDER = """
            {"name": "Order 42", "amount": "23.50", "currency": "USD", "reference_id": "order-42",
             "details": [
               {"name": "Shirt", "amount": "7.50", "quantity": 2, "type": "physical", "reference": "SKU-1", "category": "apparel"},
               {"name": "Socks", "amount": "2.00"}],
             "shipping": {"amount": "5.00", "method": "express", "provider": "DHL", "first_name": "Ada",
               "last_name": "Lovelace", "address1": "1 Main St", "city": "London", "zip": "N1", "country_code": "GB",
               "phone_number": "+44 20 0000 0000", "email": "ada@example.com"},
             "tax": {"amount": "1.50", "rate": "20.00"},
             "metadata": {"channel": "web", "campaign": "black-friday"},
             "initiation_type": "mit", "auto_capture_at": "2099-01-01T00:00:00Z",
             "return_url": "https://shop.example/return", "webhook_url": "https://shop.example/hooks"}
            """;

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;

    WebTestClient demo;

    @BeforeEach
    void client() {
        demo = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
    }

    /** The creation's answer is built from the event, not read back: it must be exactly what a read shows. */
    @Test
    void createsAndShowsTheWholeOrder() {
        Map<?, ?> created = demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON).bodyValue(FULL_ORDER)
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Object id = ((Map<?, ?>) created.get("invoice")).get("id");

        demo.get().uri("/invoices/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).isEqualTo(created);
        demo.get().uri("/invoices/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.invoice.amount").isEqualTo("23.50")
                .jsonPath("$.invoice.reference_id").isEqualTo("order-42")
                .jsonPath("$.invoice.details.length()").isEqualTo(2)
                .jsonPath("$.invoice.details[0].amount").isEqualTo("7.50")
                .jsonPath("$.invoice.details[0].quantity").isEqualTo(2)
                .jsonPath("$.invoice.details[1].quantity").isEqualTo(1)
                .jsonPath("$.invoice.shipping.amount").isEqualTo("5.00")
                .jsonPath("$.invoice.shipping.country_code").isEqualTo("GB")
                .jsonPath("$.invoice.tax.amount").isEqualTo("1.50")
                .jsonPath("$.invoice.tax.rate").isEqualTo("20.00")
                .jsonPath("$.invoice.metadata.campaign").isEqualTo("black-friday")
                .jsonPath("$.invoice.initiation_type").isEqualTo("mit")
                .jsonPath("$.invoice.auto_capture_at").isEqualTo("2099-01-01T00:00:00Z")
                .jsonPath("$.invoice.return_url").isEqualTo("https://shop.example/return")
                .jsonPath("$.invoice.webhook_url").isEqualTo("https://shop.example/hooks")
                .jsonPath("$.invoice.fulfillment.status").isEqualTo("pending")
                .jsonPath("$.invoice.fulfillment.history.length()").isEqualTo(0);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "amount": "23.49"                                          | request.validation.invalid-amount
            "amount": "23.50", "details": [{"name": "x", "amount": "1.001"}] | request.validation.invalid-amount
            "amount": "23.50", "details": [{"name": "x", "amount": "-1.00"}] | request.validation.invalid-amount
            "amount": "23.50", "details": [{"amount": "1.00"}]          | request.validation.missing-field
            "amount": "23.50", "details": [{"name": "x"}]               | request.validation.missing-field
            "amount": "23.50", "details": [{"name": "x", "amount": "1.00", "quantity": 0}] | request.validation.invalid-field
            "amount": "23.50", "details": [{"name": "x", "amount": "1.00", "quantity": 1.5}] | request.validation.invalid-type
            "amount": "23.50", "details": [null]                        | request.validation.invalid-field
            "amount": "23.50", "details": {"name": "x"}                 | request.validation.invalid-type
            "amount": "23.50", "shipping": {"amount": "1.00", "country_code": "XX"} | request.validation.invalid-field
            "amount": "23.50", "shipping": {"amount": "1.00", "email": "not-an-email"} | request.validation.invalid-field
            "amount": "23.50", "shipping": {"amount": "1.00", "colour": "red"} | request.validation.unknown-field
            "amount": "23.50", "tax": {"rate": "20"}                    | request.validation.missing-field
            "amount": "23.50", "tax": {"amount": "1.00", "rate": "120"} | request.validation.invalid-field
            "amount": "23.50", "metadata": {"k": 1}                     | request.validation.invalid-type
            "amount": "23.50", "metadata": {"": "v"}                    | request.validation.invalid-field
            "amount": "23.50", "initiation_type": "moto"                | request.validation.invalid-field
            "amount": "23.50", "auto_capture_at": "tomorrow"            | request.validation.invalid-field
            "amount": "23.50", "auto_capture_at": "2001-01-01T00:00:00Z" | request.validation.invalid-field
            "amount": "23.50", "return_url": "javascript:alert(1)"      | request.validation.invalid-field
            "amount": "23.50", "webhook_url": "ftp://shop.example/x"    | request.validation.invalid-field
            "amount": "23.50", "customer_id": "cust_123"                | request.validation.invalid-field
            "amount": "23.50", "customer_id": 42                        | request.validation.invalid-type
            """)
    void rejectsBadOrdersWithAClearError(String fields, String errorType) {
        String body = "{\"name\": \"Order\", \"currency\": \"USD\", " + fields
                + (fields.contains("details") ? "" : ", \"details\": [{\"name\": \"Item\", \"amount\": \"23.50\"}]") + "}";
        demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo(errorType);
    }

    @Test
    void refusesTooManyMetadataKeys() {
        StringBuilder metadata = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            metadata.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"amount\":\"1.00\",\"currency\":\"USD\",\"metadata\":{" + metadata + "}}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.invalid-field");
    }

    @Test
    void walksTheFulfillmentAndKeepsItsHistory() {
        String id = InvoiceApiTests.createInvoice(demo, FULL_ORDER);

        fulfill(id, "{\"status\":\"processing\",\"note\":\"picking\"}").expectStatus().isOk();
        fulfill(id, "{\"status\":\"shipped\",\"carrier\":\"DHL\",\"tracking_number\":\"JD0001\"}").expectStatus().isOk();
        fulfill(id, "{\"status\":\"delivered\"}").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.invoice.fulfillment.status").isEqualTo("delivered")
                .jsonPath("$.invoice.fulfillment.history.length()").isEqualTo(3)
                .jsonPath("$.invoice.fulfillment.history[0].previous_status").isEqualTo("pending")
                .jsonPath("$.invoice.fulfillment.history[0].note").isEqualTo("picking")
                .jsonPath("$.invoice.fulfillment.history[1].tracking_number").isEqualTo("JD0001")
                .jsonPath("$.invoice.fulfillment.history[2].status").isEqualTo("delivered");

        fulfill(id, "{\"status\":\"processing\"}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.invoice.illegal-fulfillment-transition");
        demo.get().uri("/invoices/{id}", id).exchange()
                .expectBody().jsonPath("$.invoice.fulfillment.history.length()").isEqualTo(3);
    }

    @Test
    void refusesBadFulfillmentUpdates() {
        String id = InvoiceApiTests.createInvoice(demo, FULL_ORDER);

        fulfill(id, "{\"status\":\"lost\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.invalid-field");
        fulfill(id, "{\"carrier\":\"DHL\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.missing-field");
        fulfill(id, "{\"status\":\"shipped\",\"note\":\"" + "x".repeat(1001) + "\"}").expectStatus().isBadRequest();
        fulfill("iv_aaaaaaaaaaaaaaaaaaaaaaaaaa", "{\"status\":\"shipped\"}").expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.invoice.not-found");
        GatewayRequests.withSecretKey(unsigned, auth, OTHER).put().uri("/invoices/{id}/fulfillment", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"status\":\"shipped\"}").exchange()
                .expectStatus().isNotFound();
        demo.get().uri("/invoices/{id}", id).exchange()
                .expectBody().jsonPath("$.invoice.fulfillment.status").isEqualTo("pending");
    }

    private WebTestClient.ResponseSpec fulfill(String id, String body) {
        return demo.put().uri("/invoices/{id}/fulfillment", id).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }
}
