package io.smartrouter.webhook.event.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.schemas.payment.TransactionDisputedEvent;
import io.smartrouter.schemas.registry.PublishedSchemas;
import io.smartrouter.webhook.endpoint.api.EventTypes;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicEventTypesTests {

    /** Every domain event another service publishes, mapped to its public type ("-" = deliberately not published). */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "invoice.InvoiceCreatedEvent,                    invoice.created",
        "invoice.InvoiceCustomerAssignedEvent,           invoice.customer.assigned",
        "invoice.InvoiceFulfillmentUpdatedEvent,         invoice.fulfillment.updated",
        "payment.TransactionRequestedEvent,              transaction.requested",
        "payment.ThreeDSecureRequiredEvent,              transaction.three_d_s.required",
        "payment.TransactionAuthorizedEvent,             transaction.authorized",
        "payment.TransactionCapturedEvent,               transaction.captured",
        "payment.TransactionFailedEvent,                 transaction.failed",
        "payment.TransactionVoidedEvent,                 transaction.voided",
        "payment.TransactionRefundedEvent,               transaction.refunded",
        "payment.TransactionAuthorizationExpiredEvent,   transaction.authorization.expired",
        "vault.CustomerCreatedEvent,                     customer.created",
        "vault.CustomerUpdatedEvent,                     customer.updated",
        "vault.CustomerDeletedEvent,                     customer.deleted",
        "vault.CustomerTokenCreatedEvent,                customer.token.created",
        "vault.CustomerTokenDeletedEvent,                customer.token.deleted",
        "payment.OperationStartedEvent,                  -",
        "payment.CaptureFailedEvent,                     -",
        "payment.VoidFailedEvent,                        -",
        "payment.RefundFailedEvent,                      -",
        "payment.ThreeDSecureCompletedEvent,             -",
        "vault.CardTokenizedEvent,                       -",
        "vault.CardUsedEvent,                            -",
        "vault.CardDetokenizedEvent,                     -",
        "vault.CardDeletedEvent,                         -"
    })
    void mapsEachDomainEventType(String type, String publicType) throws ClassNotFoundException {
        SpecificRecord event = instance(Class.forName("io.smartrouter.schemas." + type));
        assertThat(PublicEventTypes.knows(event.getClass())).isTrue();
        assertThat(PublicEventTypes.of(event).orElse("-")).isEqualTo(publicType);
        if (!publicType.equals("-")) {
            assertThat(EventTypes.KNOWN).contains(publicType);
        }
    }

    @ParameterizedTest(name = "dispute stage {0} → {1}")
    @CsvSource({
        "retrieval-request,  transaction.chargeback.retrieval-request",
        "fraud-notification, transaction.chargeback.fraud-notification",
        "chargeback-opened,  transaction.chargeback.created",
        "chargeback-won,     transaction.chargeback.won",
        "chargeback-lost,    transaction.chargeback.lost"
    })
    void mapsEachDisputeStage(String stage, String publicType) {
        var event = TransactionDisputedEvent.newBuilder().setTransactionId("tr_x").setProjectId("test-proj_demo")
                .setInvoiceId("iv_x").setNoticeId("n").setStage(stage).setAmount(1).setCurrency("EUR")
                .setOccurredAt(Instant.now()).build();
        assertThat(PublicEventTypes.of(event)).contains(publicType);
    }

    /** A domain event added to the schemas without a decision here fails this test. */
    @Test
    void everyPublishedDomainEventOfTheOtherServicesHasADecision() {
        Set<String> undecided = new HashSet<>();
        for (Schema schema : PublishedSchemas.load().all()) {
            String name = schema.getFullName();
            if (name.contains(".envelope.") || name.contains(".webhook.")) {
                continue;
            }
            Class<?> type = SpecificData.get().getClass(schema);
            if (type == null || !PublicEventTypes.knows(type)) {
                undecided.add(name);
            }
        }
        assertThat(undecided).isEmpty();
    }

    /** Every public type of API.md is produced by something (webhook_endpoint.disabled by the dispatcher itself). */
    @Test
    void everyPublicTypeOfApiMdIsProduced() {
        Set<String> produced = new HashSet<>(PublicEventTypes.PUBLIC.values());
        produced.addAll(PublicEventTypes.DISPUTE_STAGES.values());
        produced.add(EventTypes.WEBHOOK_ENDPOINT_DISABLED);
        assertThat(produced).isEqualTo(EventTypes.KNOWN);
    }

    private static SpecificRecord instance(Class<?> type) {
        return (SpecificRecord) SpecificData.newInstance(type, null);
    }
}
