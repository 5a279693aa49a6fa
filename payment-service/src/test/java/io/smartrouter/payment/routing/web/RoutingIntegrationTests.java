package io.smartrouter.payment.routing.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.routing.health.GatewayHealth;
import io.smartrouter.payment.support.PaymentServiceIntegrationTest;
import io.smartrouter.payment.support.ScriptedConnectors;
import io.smartrouter.payment.transaction.process.OperationReconciler;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing through the API, with the {@code scripted} test gateway: each test has its own project, configures accounts
 * and rules, and pays with sandbox cards (the card data only matters to rules).
 */
class RoutingIntegrationTests extends PaymentServiceIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    ScriptedConnectors psp;
    @Autowired
    OperationReconciler reconciler;
    @Autowired
    GatewayHealth health;

    ProjectId project;
    WebTestClient server;
    String prefix;

    @BeforeEach
    void freshProject() {
        project = new ProjectId("test-proj_" + Ids.random());
        server = GatewayRequests.withSecretKey(unsigned, auth, project);
        prefix = Ids.random().substring(0, 8);
    }

    String account(String name) {
        return prefix + "-" + name;
    }

    /** A scripted configuration for account {@code name}; answers its id. */
    String configure(String name) {
        String body = server.post().uri("/gateway-configurations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"gateway\":\"scripted\",\"name\":\"" + name + "\",\"settings\":{\"api_key\":\"sk_"
                        + name + "_TOPSECRET\",\"account\":\"" + account(name) + "\"}}")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return (String) ((Map<?, ?>) JSON.readValue(body, Map.class).get("gateway_configuration")).get("id");
    }

    void rules(String json) {
        server.put().uri("/routing-rules").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isOk();
    }

    static String rule(List<String> gateways, String fallbackOn) {
        return "{\"rules\":[{\"name\":\"main\",\"conditions\":[{\"attribute\":\"currency\",\"operator\":\"==\","
                + "\"value\":\"EUR\"}],\"gateway_configuration_ids\":" + JSON.writeValueAsString(gateways)
                + ",\"fallback_on\":" + fallbackOn + ",\"tags\":[\"primary\"]}]}";
    }

    WebTestClient.ResponseSpec pay(String cardNumber) {
        String invoice = publishInvoice(project, 10_000, "EUR", "cit");
        String card = VAULT.add(CardId.newId().value(), cardNumber);
        return GatewayRequests.asProject(unsigned, auth, project, KeyType.PUBLIC).post()
                .uri("/invoices/{id}/authorize", invoice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + card + "\"}").exchange();
    }

    @Test
    void aSoftDeclineFallsBackWhenTheRuleAllowsIt() {
        String a = configure("a");
        String b = configure("b");
        rules(rule(List.of(a, b), "[\"soft_decline\"]"));
        psp.script(account("a"), new OperationOutcome.Declined("card.do-not-honor", false));

        pay("4242424242424242").expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("authorized")
                .jsonPath("$.transaction.gateway_configuration_id").isEqualTo(b)
                .jsonPath("$.transaction.gateway_name").isEqualTo("scripted")
                .jsonPath("$.transaction.attempts_count").isEqualTo(2)
                .jsonPath("$.transaction.error_code").isEmpty()
                .jsonPath("$.transaction.operations[?(@.type == 'authorization')].gateway_configuration_id")
                .isEqualTo(List.of(a, b))
                .jsonPath("$.transaction.operations[?(@.type == 'authorization')].error_code")
                .isEqualTo(Arrays.asList("card.do-not-honor", null))
                .jsonPath("$.transaction.routing_tags").isEqualTo(List.of("rule:main", "primary",
                        "condition:currency == EUR"));
    }

    @Test
    void aSoftDeclineStopsWithoutSoftDecline() {
        String a = configure("a");
        String b = configure("b");
        rules(rule(List.of(a, b), "[\"gateway_error\"]"));
        psp.script(account("a"), new OperationOutcome.Declined("card.do-not-honor", false));

        pay("4242424242424242").expectStatus().isEqualTo(402).expectBody()
                .jsonPath("$.error_type").isEqualTo("card.do-not-honor");
        assertThat(psp.callsOf(account("b"))).isEmpty();
    }

    @Test
    void aGatewayErrorFallsBackOnlyWithGatewayError() {
        String a = configure("a");
        String b = configure("b");
        rules(rule(List.of(a, b), "[\"gateway_error\"]"));
        psp.script(account("a"), new OperationOutcome.Unavailable("connection refused"));
        pay("4242424242424242").expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.gateway_configuration_id").isEqualTo(b);

        rules(rule(List.of(a, b), "[\"soft_decline\"]"));
        psp.script(account("a"), new OperationOutcome.Unavailable("connection refused"));
        pay("4242424242424242").expectStatus().isEqualTo(502).expectBody()
                .jsonPath("$.error_type").isEqualTo("gateway.unavailable");
        assertThat(psp.callsOf(account("b"))).hasSize(1);
    }

    @Test
    void aHardDeclineIsNeverRetriedAnywhere() {
        String a = configure("a");
        String b = configure("b");
        rules(rule(List.of(a, b), "[\"soft_decline\",\"gateway_error\"]"));
        psp.script(account("a"), new OperationOutcome.Declined("card.stolen", true));

        pay("4000000000002222").expectStatus().isEqualTo(402).expectBody()
                .jsonPath("$.error_type").isEqualTo("card.stolen");
        assertThat(psp.callsOf(account("b"))).isEmpty();
    }

    @Test
    void anUnknownAttemptFoundApprovedLaterIsVoidedOnItsGatewayByTheReconciler() {
        String a = configure("a");
        String b = configure("b");
        rules(rule(List.of(a, b), "[\"gateway_error\"]"));
        psp.script(account("a"), new OperationOutcome.Unknown("timeout"));

        String body = pay("4242424242424242").expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(body).contains("\"status\":\"authorized\"").contains("\"gateway_configuration_id\":\"" + b + "\"");
        String unknownAttempt = psp.callsOf(account("a")).get(0).split(":")[2];
        String transaction = (String) ((Map<?, ?>) JSON.readValue(body, Map.class).get("transaction")).get("id");
        psp.resolveLater(unknownAttempt, new OperationOutcome.Approved("ref_late"));

        reconciler.reconcile(Duration.ZERO); // the late approval is recorded, and (another round) voided
        reconciler.reconcile(Duration.ZERO);

        assertThat(psp.callsOf(account("a"))).anyMatch(call -> call.contains(":void:") && call.endsWith(":ref_late"));
        server.get().uri("/transactions/{id}", transaction).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.status").isEqualTo("authorized")
                .jsonPath("$.transaction.gateway_configuration_id").isEqualTo(b)
                .jsonPath("$.transaction.operations[?(@.type == 'void')].gateway_configuration_id")
                .isEqualTo(List.of(a))
                .jsonPath("$.transaction.operations[?(@.type == 'void')].status").isEqualTo(List.of("succeeded"));
        // the capture goes to the authorizing gateway, never to the late one
        server.post().uri("/invoices/{id}/capture", body.split("\"invoice_id\":\"")[1].split("\"")[0])
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
        assertThat(psp.callsOf(account("b"))).anyMatch(call -> call.contains(":capture:"));
        assertThat(psp.callsOf(account("a"))).noneMatch(call -> call.contains(":capture:"));
    }

    @Test
    void anOpenCircuitIsSkippedAtOnceAndTagged() {
        String a = configure("a");
        String b = configure("b");
        rules(rule(List.of(a, b), "[\"gateway_error\"]"));
        for (int i = 0; i < 4; i++) {
            psp.script(account("a"), new OperationOutcome.Unavailable("down"));
            pay("4242424242424242").expectStatus().isOk();
        }
        assertThat(health.state(a)).hasToString("OPEN");
        int callsToA = psp.callsOf(account("a")).size();

        pay("4242424242424242").expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.gateway_configuration_id").isEqualTo(b)
                .jsonPath("$.transaction.attempts_count").isEqualTo(1)
                .jsonPath("$.transaction.routing_tags[3]").isEqualTo("skipped:" + a + ":circuit-open");
        assertThat(psp.callsOf(account("a"))).hasSize(callsToA);
    }

    @Test
    void ruleConditionsOnTheCardAndTheInvoiceMetadataChooseTheGateway() {
        String a = configure("a");
        String b = configure("b");
        rules("{\"rules\":[{\"name\":\"fr-web\",\"conditions\":[{\"attribute\":\"card_country\",\"operator\":\"in\","
                + "\"value\":[\"FR\",\"DE\"]},{\"attribute\":\"metadata.channel\",\"operator\":\"==\",\"value\":\"web\"}],"
                + "\"gateway_configuration_ids\":[\"" + b + "\"]},"
                + "{\"name\":\"rest\",\"gateway_configuration_ids\":[\"" + a + "\"]}]}");
        String invoice = publishInvoice(project, 10_000, "EUR", "cit", Map.of("channel", "web"));
        String card = VAULT.add(CardId.newId().value(), "4977830000000001");
        GatewayRequests.asProject(unsigned, auth, project, KeyType.PUBLIC).post()
                .uri("/invoices/{id}/authorize", invoice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"" + card + "\"}").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.gateway_configuration_id").isEqualTo(b);

        pay("4242424242424242").expectStatus().isOk().expectBody()
                .jsonPath("$.transaction.gateway_configuration_id").isEqualTo(a)
                .jsonPath("$.transaction.routing_tags[0]").isEqualTo("rule:rest");
    }

    @Test
    void metricsPerGatewayConfigurationAreExposed() {
        String a = configure("a");
        rules(rule(List.of(a), "[]"));
        psp.script(account("a"), new OperationOutcome.Declined("card.no-money", false));
        pay("4242424242424242").expectStatus().isEqualTo(402);

        unsigned.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(text -> assertThat(text).contains("smartrouter_gateway_operations_total{")
                        .contains("gateway_configuration=\"" + a + "\"").contains("code=\"card.no-money\"")
                        .contains("smartrouter_gateway_latency_seconds_count{"));
    }
}
