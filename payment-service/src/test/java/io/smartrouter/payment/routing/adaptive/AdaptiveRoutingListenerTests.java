package io.smartrouter.payment.routing.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartrouter.platform.testing.MutableClock;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.payment.AuthorizationAttemptFailedEvent;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import io.smartrouter.schemas.payment.PaymentCard;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.serde.EventPayloads;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The learner's feed from the payments topic: envelopes as the payment service publishes them. */
class AdaptiveRoutingListenerTests {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Segment SEGMENT = new Segment("EUR", "visa", "FR");

    private final MutableClock clock = new MutableClock(T0);
    private final GatewayLearner learner = new GatewayLearner(new GatewayLearner.Settings(Duration.ofMinutes(10),
            Duration.ofSeconds(10), Duration.ofDays(365), 0), clock);
    private final InFlightAuthorizations authorizations = new InFlightAuthorizations(learner, Duration.ofSeconds(20),
            Duration.ofMinutes(15), 1_000);
    private final AdaptiveRoutingListener listener = new AdaptiveRoutingListener(authorizations, Duration.ofMinutes(5),
            clock);

    @Test
    void anAttemptTheRouterFellBackFromCountsAgainstItsGateway() {
        listener.handle(envelope(started("op-a", "gway_conf_a", "424242", T0)));
        listener.handle(envelope(AuthorizationAttemptFailedEvent.newBuilder().setTransactionId("tr_1")
                .setProjectId("test-proj_demo").setInvoiceId("iv_1").setOperationId("op-a")
                .setGatewayConfigurationId("gway_conf_a").setErrorCode("gateway.unavailable")
                .setFailedAt(T0.plusMillis(30)).build()));
        listener.handle(envelope(started("op-b", "gway_conf_b", "424242", T0.plusMillis(40))));
        listener.handle(envelope(TransactionAuthorizedEvent.newBuilder().setTransactionId("tr_1")
                .setProjectId("test-proj_demo").setInvoiceId("iv_1").setOperationId("op-b").setAmount(1000)
                .setCurrency("EUR").setAuthorizationExpiresAt(T0.plusSeconds(7 * 86_400))
                .setAuthorizedAt(T0.plusMillis(340)).build()));

        assertThat(learner.estimate("gway_conf_a", SEGMENT).failures()).isEqualTo(1);
        GatewayLearner.Estimate b = learner.estimate("gway_conf_b", SEGMENT);
        assertThat(b.latencySeconds()).isCloseTo(0.3, within(1e-9));
        assertThat(b.approvals()).isZero(); // the same card retried: not a fair sample of b's approval rate
        assertThat(authorizations.inFlight()).isZero();
    }

    private static OperationStartedEvent started(String operationId, String configuration, String iin, Instant at) {
        return OperationStartedEvent.newBuilder().setTransactionId("tr_1").setProjectId("test-proj_demo")
                .setInvoiceId("iv_1").setOperationId(operationId).setType("authorization").setAmount(1000)
                .setCurrency("EUR").setGatewayConfigurationId(configuration)
                .setCard(PaymentCard.newBuilder().setScheme("visa").setCountryCode("FR").setIin(iin)
                        .setLast4Digits("4242").build())
                .setStartedAt(at).build();
    }

    private static EventEnvelope envelope(SpecificRecord event) {
        return EventEnvelope.newBuilder().setEventId("ev_" + UUID.randomUUID()).setEventType(EventPayloads.typeOf(event))
                .setAggregateType("Payment").setAggregateId("tr_1").setAggregateSequence(0)
                .setProjectId("test-proj_demo").setOccurredAt(T0)
                .setPayload(ByteBuffer.wrap(EventPayloads.encode(event))).build();
    }
}
