package io.smartrouter.webhook.event.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceFulfillmentUpdatedEvent;
import io.smartrouter.schemas.invoice.InvoiceLineItem;
import io.smartrouter.schemas.payment.AuthorizationAttemptFailedEvent;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import io.smartrouter.schemas.payment.PaymentCard;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.payment.TransactionDisputedEvent;
import io.smartrouter.schemas.payment.TransactionRefundedEvent;
import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import io.smartrouter.schemas.payment.TransactionRoutedEvent;
import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDetails;
import io.smartrouter.schemas.vault.CustomerTokenCreatedEvent;
import io.smartrouter.schemas.vault.MaskedCard;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The objects of public events, folded from domain events the way the services' own read models show them. */
class ObjectFoldsTests {

    static final String PROJECT = "test-proj_demo";
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    final Map<String, ObjectNode> states = new HashMap<>();

    PublicObject apply(SpecificRecord event) {
        List<PublicObject> changed = ObjectFolds.fold(event, id -> Optional.ofNullable(states.get(id))
                .map(ObjectNode::deepCopy));
        changed.forEach(object -> states.put(object.id(), object.state()));
        return changed.isEmpty() ? null : changed.get(0);
    }

    @Test
    void aTransactionAsTheApiShowsItAfterEachStep() {
        apply(TransactionRequestedEvent.newBuilder().setTransactionId("tr_1").setProjectId(PROJECT)
                .setInvoiceId("iv_1").setOperationId("op_req").setAmount(4990).setCurrency("EUR")
                .setInitiationType("cit").setCardId("card_1").setRequestedAt(T0).build());
        apply(OperationStartedEvent.newBuilder().setTransactionId("tr_1").setProjectId(PROJECT).setInvoiceId("iv_1")
                .setOperationId("op_auth").setType("authorization").setAmount(4990).setCurrency("EUR")
                .setGatewayConfigurationId("gway_conf_1").setCard(PaymentCard.newBuilder().setScheme("visa")
                        .setIin("424242").setLast4Digits("4242").build()).setStartedAt(T0.plusSeconds(1)).build());
        ObjectNode authorized = apply(TransactionAuthorizedEvent.newBuilder().setTransactionId("tr_1")
                .setProjectId(PROJECT).setInvoiceId("iv_1").setOperationId("op_auth").setAmount(4990)
                .setCurrency("EUR").setAuthorizationExpiresAt(T0.plusSeconds(7 * 86_400))
                .setAuthorizedAt(T0.plusSeconds(2)).build()).view();
        assertThat(authorized.get("status").asString()).isEqualTo("authorized");
        assertThat(authorized.get("authorized_amount").asString()).isEqualTo("49.90");
        assertThat(authorized.get("available_amount").asString()).isEqualTo("49.90");
        assertThat(authorized.get("card").get("last_4_digits").asString()).isEqualTo("4242");
        assertThat(authorized.get("operations").get(1).get("status").asString()).isEqualTo("succeeded");
        assertThat(authorized.has("_minor")).isFalse();
        assertThat(authorized.has("gateway_name")).isFalse(); // this (v1) event does not carry it: left out, not invented

        apply(OperationStartedEvent.newBuilder().setTransactionId("tr_1").setProjectId(PROJECT).setInvoiceId("iv_1")
                .setOperationId("op_cap").setType("capture").setAmount(4990).setCurrency("EUR")
                .setGatewayConfigurationId("gway_conf_1").setStartedAt(T0.plusSeconds(3)).build());
        apply(TransactionCapturedEvent.newBuilder().setTransactionId("tr_1").setProjectId(PROJECT).setInvoiceId("iv_1")
                .setOperationId("op_cap").setAmount(4990).setCapturedAmount(4990).setCurrency("EUR")
                .setCapturedAt(T0.plusSeconds(4)).build());
        apply(OperationStartedEvent.newBuilder().setTransactionId("tr_1").setProjectId(PROJECT).setInvoiceId("iv_1")
                .setOperationId("op_ref").setType("refund").setAmount(990).setCurrency("EUR").setRefundId("refd_1")
                .setReason("late").setGatewayConfigurationId("gway_conf_1").setStartedAt(T0.plusSeconds(5)).build());
        PublicObject refunded = apply(TransactionRefundedEvent.newBuilder().setTransactionId("tr_1")
                .setProjectId(PROJECT).setInvoiceId("iv_1").setOperationId("op_ref").setRefundId("refd_1")
                .setAmount(990).setRefundedAmount(990).setCurrency("EUR").setRefundedAt(T0.plusSeconds(6)).build());
        ObjectNode view = refunded.view();
        assertThat(refunded.invoiceId()).isEqualTo("iv_1");
        assertThat(view.get("status").asString()).isEqualTo("partially-refunded");
        assertThat(view.get("captured_amount").asString()).isEqualTo("49.90");
        assertThat(view.get("refunded_amount").asString()).isEqualTo("9.90");
        assertThat(view.get("available_amount").asString()).isEqualTo("40.00");
        assertThat(view.get("refunds").get(0).get("status").asString()).isEqualTo("succeeded");
        assertThat(view.get("refunds").get(0).get("amount").asString()).isEqualTo("9.90");
        assertThat(view.get("operations")).hasSize(4);
        assertThat(view.get("sandbox").asBoolean()).isTrue();
        assertThat(view.get("created_at").asString()).isEqualTo("2026-11-24T10:00:00Z");
    }

    @Test
    void anOpenChargebackLeavesNothingToRefundAndAWonOneGivesItBack() {
        apply(TransactionRequestedEvent.newBuilder().setTransactionId("tr_2").setProjectId(PROJECT)
                .setInvoiceId("iv_2").setOperationId("op_req").setAmount(2500).setCurrency("EUR")
                .setInitiationType("cit").setCardId("card_2").setRequestedAt(T0).build());
        apply(TransactionAuthorizedEvent.newBuilder().setTransactionId("tr_2").setProjectId(PROJECT)
                .setInvoiceId("iv_2").setOperationId("op_auth").setAmount(2500).setCurrency("EUR")
                .setAuthorizationExpiresAt(T0.plusSeconds(7 * 86_400)).setAuthorizedAt(T0).build());
        apply(TransactionCapturedEvent.newBuilder().setTransactionId("tr_2").setProjectId(PROJECT).setInvoiceId("iv_2")
                .setOperationId("op_cap").setAmount(1000).setCapturedAmount(1000).setCurrency("EUR")
                .setCapturedAt(T0.plusSeconds(1)).build());

        ObjectNode opened = apply(dispute("sbx_1", "chargeback-opened")).view();
        assertThat(opened.get("status").asString()).isEqualTo("chargeback-initiated");
        assertThat(opened.get("available_amount").asString()).isEqualTo("0.00");
        ObjectNode won = apply(dispute("sbx_2", "chargeback-won")).view();
        assertThat(won.get("status").asString()).isEqualTo("solved");
        assertThat(won.get("available_amount").asString()).isEqualTo("10.00");
    }

    private static TransactionDisputedEvent dispute(String noticeId, String stage) {
        return TransactionDisputedEvent.newBuilder().setTransactionId("tr_2").setProjectId(PROJECT)
                .setInvoiceId("iv_2").setNoticeId(noticeId).setStage(stage).setAmount(1000).setCurrency("EUR")
                .setOccurredAt(T0.plusSeconds(2)).build();
    }

    @Test
    void aRoutedTransactionShowsItsFailedAttemptItsGatewayAndItsRoutingTags() {
        apply(TransactionRequestedEvent.newBuilder().setTransactionId("tr_9").setProjectId(PROJECT)
                .setInvoiceId("iv_9").setOperationId("op_req").setAmount(1000).setCurrency("EUR")
                .setInitiationType("cit").setCardId("card_9").setRequestedAt(T0).build());
        apply(TransactionRoutedEvent.newBuilder().setTransactionId("tr_9").setProjectId(PROJECT).setInvoiceId("iv_9")
                .setRoutingTags(List.of("rule:eu", "condition:currency == EUR")).setEnded(false).setRoutedAt(T0)
                .build());
        for (String attempt : List.of("op_a", "op_b")) {
            apply(OperationStartedEvent.newBuilder().setTransactionId("tr_9").setProjectId(PROJECT)
                    .setInvoiceId("iv_9").setOperationId(attempt).setType("authorization").setAmount(1000)
                    .setCurrency("EUR").setGatewayConfigurationId("gway_conf_" + attempt).setGatewayName("simulator")
                    .setStartedAt(T0.plusSeconds(1)).build());
            if (attempt.equals("op_a")) {
                apply(AuthorizationAttemptFailedEvent.newBuilder().setTransactionId("tr_9").setProjectId(PROJECT)
                        .setInvoiceId("iv_9").setOperationId("op_a").setGatewayConfigurationId("gway_conf_op_a")
                        .setErrorCode("gateway.unavailable").setFailedAt(T0.plusSeconds(2)).build());
            }
        }
        ObjectNode view = apply(TransactionAuthorizedEvent.newBuilder().setTransactionId("tr_9").setProjectId(PROJECT)
                .setInvoiceId("iv_9").setOperationId("op_b").setAmount(1000).setCurrency("EUR")
                .setAuthorizationExpiresAt(T0.plusSeconds(7 * 86_400)).setAuthorizedAt(T0.plusSeconds(3)).build())
                .view();

        assertThat(view.get("status").asString()).isEqualTo("authorized");
        assertThat(view.get("gateway_configuration_id").asString()).isEqualTo("gway_conf_op_b");
        assertThat(view.get("gateway_name").asString()).isEqualTo("simulator");
        assertThat(view.get("operations").get(1).get("status").asString()).isEqualTo("failed");
        assertThat(view.get("operations").get(1).get("error_code").asString()).isEqualTo("gateway.unavailable");
        assertThat(view.get("operations").get(2).get("status").asString()).isEqualTo("succeeded");
        assertThat(view.get("routing_tags")).extracting(JsonNode::asString)
                .containsExactly("rule:eu", "condition:currency == EUR");
    }

    @Test
    void anInvoiceWithItsLinesAndFulfillment() {
        apply(InvoiceCreatedEvent.newBuilder().setInvoiceId("iv_2").setProjectId(PROJECT).setName("Order")
                .setAmount(1000).setCurrency("JPY").setCreatedAt(T0).setMetadata(Map.of("channel", "web"))
                .setDetails(List.of(InvoiceLineItem.newBuilder().setName("Tea").setUnitAmount(500).setQuantity(2)
                        .build()))
                .setInitiationType("cit").setWebhookUrl("https://merchant.example/hooks").build());
        ObjectNode invoice = apply(InvoiceFulfillmentUpdatedEvent.newBuilder().setInvoiceId("iv_2")
                .setProjectId(PROJECT).setPreviousStatus("pending").setStatus("shipped").setCarrier("DHL")
                .setUpdatedAt(T0.plusSeconds(60)).build()).view();
        assertThat(invoice.get("amount").asString()).isEqualTo("1000");
        assertThat(invoice.get("details").get(0).get("amount").asString()).isEqualTo("500");
        assertThat(invoice.get("webhook_url").asString()).isEqualTo("https://merchant.example/hooks");
        assertThat(invoice.get("fulfillment").get("status").asString()).isEqualTo("shipped");
        assertThat(invoice.get("fulfillment").get("carrier").asString()).isEqualTo("DHL");
        assertThat(invoice.get("fulfillment").get("history")).hasSize(1);
        assertThat(invoice.get("metadata").get("channel").asString()).isEqualTo("web");
    }

    @Test
    void aDefaultTokenAlsoChangesItsCustomer() {
        apply(CustomerCreatedEvent.newBuilder().setCustomerId("cust_1").setProjectId(PROJECT)
                .setDetails(CustomerDetails.newBuilder().setEmail("ada@example.com").build()).setCreatedAt(T0).build());
        PublicObject token = apply(CustomerTokenCreatedEvent.newBuilder().setTokenId("tok_1").setCustomerId("cust_1")
                .setProjectId(PROJECT).setCardId("card_1").setIsDefault(true).setCreatedAt(T0)
                .setCard(MaskedCard.newBuilder().setScheme("visa").setIin("424242").setLast4Digits("4242")
                        .setExpMonth(12).setExpYear(2030).setFingerprint("fp").build()).build());
        assertThat(token.kind()).isEqualTo("token");
        assertThat(token.view().get("summary").asString()).isEqualTo("visa **** 4242");
        assertThat(token.view().has("_project_id")).isFalse();
        assertThat(states.get("cust_1").get("default_token_id").asString()).isEqualTo("tok_1");
    }

    @Test
    void eventsOfUnknownObjectsChangeNothing() {
        assertThat(apply(TransactionCapturedEvent.newBuilder().setTransactionId("tr_unknown").setProjectId(PROJECT)
                .setInvoiceId("iv_1").setOperationId("op").setAmount(1).setCapturedAmount(1).setCurrency("EUR")
                .setCapturedAt(T0).build())).isNull();
    }
}
