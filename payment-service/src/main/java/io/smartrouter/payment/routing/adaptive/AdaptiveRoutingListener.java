package io.smartrouter.payment.routing.adaptive;

import io.smartrouter.payment.transaction.api.OperationType;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.payment.AuthorizationAttemptFailedEvent;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import io.smartrouter.schemas.payment.PaymentCard;
import io.smartrouter.schemas.payment.ThreeDSecureRequiredEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionFailedEvent;
import io.smartrouter.schemas.serde.EventPayloads;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Feeds the learner from the payments topic: authorization starts and their outcomes, paired by
 * {@link InFlightAuthorizations}.
 *
 * <p>The learner lives in this instance's memory, so each instance reads every partition in a consumer group of its
 * own ({@code payment-service.routing-learner.<random>}) and, on assignment, seeks back by the learner's window:
 * a (re)started instance rebuilds the last window from history in seconds instead of starting cold. It commits no
 * offsets (there is nothing to resume: the next start seeks by time again), and it does not use the platform's
 * {@code ProcessedEvents}: that table is per consumer name and durable, while this state is neither. Duplicates are
 * harmless instead because {@link InFlightAuthorizations} counts each operation id at most once.
 */
public class AdaptiveRoutingListener implements ConsumerSeekAware {

    static final String CONSUMER_PREFIX = "payment-service.routing-learner.";

    private final InFlightAuthorizations authorizations;
    private final Clock clock;
    private final Duration replay;
    private final String groupId = CONSUMER_PREFIX + UUID.randomUUID();

    public AdaptiveRoutingListener(InFlightAuthorizations authorizations, Duration replay, Clock clock) {
        this.authorizations = authorizations;
        this.replay = replay;
        this.clock = clock;
    }

    /** This instance's consumer group (read by the listener annotation). */
    public String getGroupId() {
        return groupId;
    }

    @KafkaListener(topics = Topics.PAYMENTS, groupId = "#{__listener.groupId}",
            containerFactory = AdaptiveRoutingConfiguration.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, EventEnvelope> record) {
        handle(record.value());
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(assignments.keySet(), clock.millis() - replay.toMillis());
    }

    /** Applies one payments event; events of other types are skipped without being decoded. */
    public void handle(EventEnvelope envelope) {
        String type = envelope.getEventType();
        if (!type.equals(OperationStartedEvent.class.getName())
                && !type.equals(ThreeDSecureRequiredEvent.class.getName())
                && !type.equals(TransactionAuthorizedEvent.class.getName())
                && !type.equals(TransactionFailedEvent.class.getName())
                && !type.equals(AuthorizationAttemptFailedEvent.class.getName())) {
            return;
        }
        SpecificRecord event = EventPayloads.decode(envelope.getPayload());
        if (event instanceof OperationStartedEvent started) {
            if (OperationType.AUTHORIZATION.wire().equals(started.getType())) {
                PaymentCard card = started.getCard();
                String cardKey = card == null ? null : card.getIin() + "*" + card.getLast4Digits();
                authorizations.started(started.getOperationId(), started.getTransactionId(), cardKey,
                        started.getGatewayConfigurationId(), segmentOf(started), started.getStartedAt());
            }
        } else if (event instanceof ThreeDSecureRequiredEvent required) {
            authorizations.challenged(required.getOperationId(), required.getRequiredAt());
        } else if (event instanceof TransactionAuthorizedEvent authorized) {
            authorizations.completed(authorized.getOperationId(), AuthorizationOutcome.APPROVED,
                    authorized.getAuthorizedAt());
        } else if (event instanceof AuthorizationAttemptFailedEvent attempt) {
            // An attempt the router fell back from: the transaction goes on on another gateway.
            authorizations.completed(attempt.getOperationId(), DeclineCodes.classify(attempt.getErrorCode()),
                    attempt.getFailedAt());
        } else if (event instanceof TransactionFailedEvent failed && failed.getOperationId() != null) {
            // No operation id: the request failed before any gateway saw it (e.g. an unusable source).
            authorizations.completed(failed.getOperationId(), DeclineCodes.classify(failed.getErrorCode()),
                    failed.getFailedAt());
        }
    }

    private static Segment segmentOf(OperationStartedEvent started) {
        PaymentCard card = started.getCard();
        return card == null ? new Segment(started.getCurrency(), null, null)
                : new Segment(started.getCurrency(), card.getScheme(), card.getCountryCode());
    }
}
