package io.smartrouter.webhook.delivery.worker;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.WebhookEndpointId;
import io.smartrouter.schemas.webhook.WebhookDeliveryAttemptedEvent;
import io.smartrouter.webhook.delivery.schedule.AttemptDecision;
import io.smartrouter.webhook.delivery.schedule.RetrySchedule;
import io.smartrouter.webhook.endpoint.api.DisableWebhookEndpointCommand;
import io.smartrouter.webhook.endpoint.query.WebhookEndpointRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records finished attempts, many per database transaction: the delivery's new state (done only after a 2xx), the
 * attempt in the delivery log, and a {@link WebhookDeliveryAttemptedEvent} appended to the event store (aggregate type
 * {@code WebhookDelivery}, sequence = attempt number - 1), from where the Kafka publisher sends it to
 * {@code smartrouter.webhook-deliveries}. An outcome whose claim was lost meanwhile (its lease ran out and another
 * attempt started) is dropped: the update is conditional on the claim. Endpoints to disable (410, or failing for too
 * long) are disabled by command after the commit.
 */
public class AttemptRecorder {

    public static final String DELIVERY_AGGREGATE = "WebhookDelivery";
    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStore eventStore;
    private final WebhookEndpointRecords endpoints;
    private final CommandGateway commands;
    private final RetrySchedule schedule;
    private final Duration disableAfterFailing;
    private final Clock clock;

    public AttemptRecorder(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EventStore eventStore,
            WebhookEndpointRecords endpoints, CommandGateway commands, RetrySchedule schedule,
            Duration disableAfterFailing, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.eventStore = eventStore;
        this.endpoints = endpoints;
        this.commands = commands;
        this.schedule = schedule;
        this.disableAfterFailing = disableAfterFailing;
        this.clock = clock;
    }

    /** One finished attempt of a claimed delivery, started at {@code startedAt}. */
    public record Attempt(Deliveries.Delivery delivery, String eventType, Instant startedAt, AttemptResult result) {
    }

    /** Records a batch in one transaction, then disables the endpoints it has to. */
    public void record(List<Attempt> attempts) {
        Map<String, Disable> toDisable = new LinkedHashMap<>();
        transactions.executeWithoutResult(status -> {
            List<GenericDomainEventMessage<WebhookDeliveryAttemptedEvent>> events = new ArrayList<>();
            for (Attempt attempt : attempts) {
                recordOne(attempt, events, toDisable);
            }
            if (!events.isEmpty()) {
                eventStore.publish(events);
            }
        });
        toDisable.values().forEach(this::disable);
    }

    private void recordOne(Attempt attempt, List<GenericDomainEventMessage<WebhookDeliveryAttemptedEvent>> events,
            Map<String, Disable> toDisable) {
        Deliveries.Delivery delivery = attempt.delivery();
        AttemptResult result = attempt.result();
        Instant now = clock.instant();
        int number = delivery.attempts() + 1;
        int round = delivery.roundAttempts() + 1;
        AttemptDecision decision = AttemptDecision.after(schedule, round, result.httpStatus(), result.retryAfter(),
                delivery.endpointId() != null, now);
        String rowStatus = switch (decision.status()) {
            case AttemptDecision.SUCCEEDED -> Deliveries.SUCCEEDED;
            case AttemptDecision.DEAD -> Deliveries.DEAD;
            default -> Deliveries.PENDING;
        };
        long nextAt = decision.nextAttemptAt() == null ? now.toEpochMilli() : decision.nextAttemptAt().toEpochMilli();
        // A resend or replay asked for while this attempt was in flight (rearm) starts a new manual round now.
        int updated = jdbc.update("UPDATE webhook_delivery SET status = CASE WHEN rearm THEN ? ELSE ? END, attempts = ?, "
                + "round_attempts = CASE WHEN rearm THEN 0 ELSE ? END, "
                + "trigger_type = CASE WHEN rearm THEN ? ELSE ? END, "
                + "next_attempt_at = CASE WHEN rearm THEN ? ELSE ? END, rearm = FALSE, claimed_until = NULL, "
                + "last_http_status = ?, updated_at = ? WHERE delivery_id = ? AND status = ? AND attempts = ?",
                Deliveries.PENDING, rowStatus, number, round, Deliveries.MANUAL, Deliveries.AUTOMATIC,
                now.toEpochMilli(), nextAt, result.httpStatus(), now.toEpochMilli(), delivery.id(), Deliveries.SENDING,
                delivery.attempts());
        if (updated == 0) {
            log.info("Delivery {} was claimed again meanwhile; attempt {} not recorded twice", delivery.id(), number);
            return;
        }
        jdbc.update("INSERT INTO webhook_attempt (delivery_id, event_id, attempt, trigger_type, status, http_status, "
                + "duration_ms, response_body, error, attempted_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?)", delivery.id(), delivery.eventId(), number, delivery.trigger(), decision.status(),
                result.httpStatus(), result.durationMs(), result.responseBody(), truncate(result.error(), 500),
                attempt.startedAt().toEpochMilli(),
                decision.nextAttemptAt() == null ? null : decision.nextAttemptAt().toEpochMilli());
        events.add(new GenericDomainEventMessage<>(DELIVERY_AGGREGATE, delivery.id(), delivery.attempts(),
                WebhookDeliveryAttemptedEvent.newBuilder()
                        .setDeliveryId(delivery.id())
                        .setProjectId(delivery.projectId())
                        .setEventId(delivery.eventId())
                        .setEventType(attempt.eventType())
                        .setEndpointId(delivery.endpointId())
                        .setInvoiceId(delivery.invoiceId())
                        .setAttempt(number)
                        .setTrigger(delivery.trigger())
                        .setStatus(decision.status())
                        .setHttpStatus(result.httpStatus())
                        .setDurationMs(result.durationMs())
                        .setError(truncate(result.error(), 300))
                        .setNextAttemptAt(decision.nextAttemptAt())
                        .setAttemptedAt(attempt.startedAt())
                        .build()));
        if (delivery.endpointId() != null) {
            health(delivery, result, decision, now, toDisable);
        }
    }

    private void health(Deliveries.Delivery delivery, AttemptResult result, AttemptDecision decision, Instant now,
            Map<String, Disable> toDisable) {
        if (result.succeeded()) {
            endpoints.recordSuccess(delivery.endpointId());
            return;
        }
        Instant failingSince = endpoints.recordFailure(delivery.endpointId(), now).orElse(now);
        if (decision.disableEndpoint()) {
            toDisable.put(delivery.endpointId(), new Disable(delivery, "gone", failingSince));
        } else if (!failingSince.plus(disableAfterFailing).isAfter(now)) {
            toDisable.putIfAbsent(delivery.endpointId(), new Disable(delivery, "failing", failingSince));
        }
    }

    private void disable(Disable disable) {
        try {
            commands.sendAndWait(new DisableWebhookEndpointCommand(new WebhookEndpointId(disable.delivery().endpointId()),
                    new ProjectId(disable.delivery().projectId()), disable.reason(), disable.failingSince(),
                    clock.instant()));
            log.warn("Webhook endpoint {} disabled: {}", disable.delivery().endpointId(), disable.reason());
        } catch (RuntimeException e) {
            // The next failure asks again.
            log.warn("Could not disable webhook endpoint {}: {}", disable.delivery().endpointId(), e.toString());
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private record Disable(Deliveries.Delivery delivery, String reason, Instant failingSince) {
    }
}
