package io.smartrouter.invoice.invoice.web;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.platform.testing.GatewayRequests.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class InvoiceApiTests extends InvoiceServiceIntegrationTest {

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    InternalCalls internalCalls;
    @Autowired
    CommandBus commandBus;

    WebTestClient demo;
    WebTestClient other;

    @BeforeEach
    void clients() {
        demo = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        other = GatewayRequests.withSecretKey(unsigned, auth, OTHER);
    }

    @Test
    void createsAndReadsAnInvoice() {
        var created = demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Order 1\",\"amount\":\"10.00\",\"currency\":\"USD\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created).containsEntry("success", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> invoice = (Map<String, Object>) created.get("invoice");
        assertThat((String) invoice.get("id")).matches("iv_[a-z2-7]{26}");
        assertThat(invoice).containsEntry("name", "Order 1").containsEntry("amount", "10.00")
                .containsEntry("currency", "USD").containsEntry("project_id", "test-proj_demo")
                .containsEntry("sandbox", true).containsEntry("transaction", null);
        assertThat((String) invoice.get("created_at")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z");

        demo.get().uri("/invoices/{id}", invoice.get("id")).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).isEqualTo(created);
    }

    /**
     * The payment service asks whether an invoice it has not heard of exists (ADR 0025): 204 for the project's own,
     * 404 for another project's or an unknown one, and only as an internal call (a gateway-signed request is refused).
     */
    @Test
    void answersInternalCallsWhetherAnInvoiceExists() {
        String id = createInvoice(demo, "{\"name\":\"Mine\",\"amount\":\"5.00\",\"currency\":\"EUR\"}");

        GatewayRequests.internal(unsigned, internalCalls, DEMO).get().uri("/internal/invoices/{id}", id).exchange()
                .expectStatus().isNoContent();
        GatewayRequests.internal(unsigned, internalCalls, OTHER).get().uri("/internal/invoices/{id}", id).exchange()
                .expectStatus().isNotFound();
        GatewayRequests.internal(unsigned, internalCalls, DEMO).get().uri("/internal/invoices/{id}",
                InvoiceId.newId().value()).exchange().expectStatus().isNotFound();
        GatewayRequests.internal(unsigned, internalCalls, DEMO).get().uri("/internal/invoices/not-an-id").exchange()
                .expectStatus().isNotFound();
        demo.get().uri("/internal/invoices/{id}", id).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherProjectsInvoiceIsNotFound() {
        String id = createInvoice(demo, "{\"name\":\"Mine\",\"amount\":\"5.00\",\"currency\":\"EUR\"}");

        other.get().uri("/invoices/{id}", id).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error_type").isEqualTo("resource.invoice.not-found");
    }

    @Test
    void keepsEachCurrencysExponent() {
        String yen = createInvoice(demo, "{\"name\":\"Yen\",\"amount\":\"1000\",\"currency\":\"JPY\"}");
        String dinar = createInvoice(demo, "{\"name\":\"Dinar\",\"amount\":\"1.500\",\"currency\":\"KWD\"}");

        demo.get().uri("/invoices/{id}", yen).exchange().expectBody().jsonPath("$.invoice.amount").isEqualTo("1000");
        demo.get().uri("/invoices/{id}", dinar).exchange().expectBody().jsonPath("$.invoice.amount").isEqualTo("1.500");
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"name":"x","amount":"10.001","currency":"USD"}       | 400 | request.validation.invalid-amount
            {"name":"x","amount":"10.5","currency":"JPY"}         | 400 | request.validation.invalid-amount
            {"name":"x","amount":"-1.00","currency":"USD"}        | 400 | request.validation.invalid-amount
            {"name":"x","amount":"0.00","currency":"USD"}         | 400 | request.validation.invalid-amount
            {"name":"x","amount":"1e3","currency":"USD"}          | 400 | request.validation.invalid-amount
            {"name":"x","amount":"ten","currency":"USD"}          | 400 | request.validation.invalid-amount
            {"name":"x","amount":"99999999999999999999","currency":"USD"} | 400 | request.validation.invalid-amount
            {"name":"x","amount":"10.00","currency":"XYZ"}        | 400 | request.validation.invalid-currency
            {"name":"x","amount":"10.00","currency":"usd"}        | 400 | request.validation.invalid-currency
            {"name":"x","amount":"10.00","currency":"FRF"}        | 400 | request.validation.invalid-currency
            {"name":"x","amount":10.00,"currency":"USD"}          | 400 | request.validation.invalid-type
            {"name":["x"],"amount":"10.00","currency":"USD"}      | 400 | request.validation.invalid-type
            {"name":null,"amount":"10.00","currency":"USD"}       | 400 | request.validation.missing-field
            {"amount":"10.00","currency":"USD"}                   | 400 | request.validation.missing-field
            {"name":"x","currency":"USD"}                         | 400 | request.validation.missing-field
            {"name":"x","amount":"10.00"}                         | 400 | request.validation.missing-field
            {"name":"x","amount":"10.00","currency":"USD","pan":"1"} | 400 | request.validation.unknown-field
            {"name":"x","amount":"10.00","currency":"USD"          | 400 | request.validation.invalid-json
            {"name":"x","amount":"10.00","currency":"USD"} trailing | 400 | request.validation.invalid-json
            not json at all                                       | 400 | request.validation.invalid-json
            []                                                    | 400 | request.validation.invalid-json
            null                                                  | 400 | request.validation.invalid-json
            """)
    void rejectsBadInputWithAClearError(String body, int status, String errorType) {
        demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error_type").isEqualTo(errorType)
                .jsonPath("$.message").isNotEmpty();
    }

    @Test
    void neverEchoesCardDataSentInTheWrongPlace() {
        for (String body : new String[] {
            "{\"name\":\"x\",\"amount\":\"1.00\",\"currency\":\"USD\",\"4242424242424242\":\"123\"}",
            "{\"name\":\"x\",\"amount\":\"1.00\",\"currency\":\"4242424242424242\"}",
            "{\"name\":\"x\",\"amount\":\"4242424242424242.123\",\"currency\":\"USD\"}"}) {
            demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody(String.class).value(answer -> assertThat(answer).doesNotContain("424242"));
        }
        demo.get().uri("/invoices?4242424242424242=1").exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).value(answer -> assertThat(answer).doesNotContain("424242"));
    }

    @Test
    void rejectsAnEmptyBody() {
        demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.invalid-json");
    }

    @Test
    void rejectsAHugeBody() {
        String huge = "{\"name\":\"" + "x".repeat(400_000) + "\",\"amount\":\"1.00\",\"currency\":\"USD\"}";
        demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON).bodyValue(huge).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.body.too-large");
    }

    @Test
    void rejectsAnOverlongName() {
        String body = "{\"name\":\"" + "x".repeat(256) + "\",\"amount\":\"1.00\",\"currency\":\"USD\"}";
        demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.invalid-field");
    }

    @Test
    void rejectsOtherContentTypes() {
        demo.post().uri("/invoices").contentType(MediaType.TEXT_PLAIN).bodyValue("name=x").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.content-type.unsupported");
    }

    @Test
    void answersUnknownRoutesAndMethodsInTheEnvelope() {
        demo.get().uri("/nope").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.route.not-found");
        demo.delete().uri("/invoices").exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.error_type").isEqualTo("request.method.not-allowed");
    }

    @Test
    void treatsMalformedIdsAsNotFound() {
        demo.get().uri("/invoices/{id}", "iv_../../etc").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.invoice.not-found");
    }

    @Test
    void refusesRequestsThatDidNotComeThroughTheGateway() {
        unsigned.get().uri("/invoices/iv_aaaaaaaaaaaaaaaaaaaaaaaaaa").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.invalid");
        unsigned.get().uri("/invoices/iv_aaaaaaaaaaaaaaaaaaaaaaaaaa")
                .header("X-SmartRouter-Project-Id", "test-proj_demo")
                .header("X-SmartRouter-Key-Type", "secret")
                .header("X-SmartRouter-Auth-Timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                .header("X-SmartRouter-Auth-Signature", "forged")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void refusesThePublicKey() {
        GatewayRequests.asProject(unsigned, auth, DEMO, KeyType.PUBLIC)
                .post().uri("/invoices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"amount\":\"1.00\",\"currency\":\"USD\"}").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.authentication.secret-key-required");
    }

    @Test
    void handlesCommandsOffTheNettyEventLoop() {
        AtomicReference<String> handlerThread = new AtomicReference<>();
        MessageHandlerInterceptor<org.axonframework.commandhandling.CommandMessage<?>> spy = (unitOfWork, chain) -> {
            handlerThread.set(Thread.currentThread().getName());
            return chain.proceed();
        };
        var registration = commandBus.registerHandlerInterceptor(spy);
        try {
            createInvoice(demo, "{\"name\":\"Threads\",\"amount\":\"1.00\",\"currency\":\"USD\"}");
        } finally {
            registration.cancel();
        }
        assertThat(handlerThread.get()).isNotNull().doesNotContain("reactor-http").doesNotContain("nio");
    }

    static String createInvoice(WebTestClient client, String body) {
        var response = client.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> invoice = (Map<String, Object>) response.get("invoice");
        return (String) invoice.get("id");
    }
}
