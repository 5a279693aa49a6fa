package io.smartrouter.webhook.replay;

import io.smartrouter.webhook.delivery.worker.Deliveries;
import io.smartrouter.webhook.delivery.worker.DeliveryWorker;
import io.smartrouter.webhook.event.integration.PublicEventIntake;
import io.smartrouter.webhook.event.store.PublicEvent;
import io.smartrouter.webhook.event.store.PublicEventStore;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Manual redeliveries: one event to its receivers (resend), or every event of a time range to one endpoint or to all
 * (replay). A redelivery is a new round of the retry schedule for the same delivery row, so it keeps the original
 * {@code webhook-id} and its attempts continue the delivery log; a receiver that never had the event (an endpoint
 * registered later) gets a new delivery. Ranges are walked a page at a time, each page in its own transaction.
 */
@Component
public class Replays {

    private static final int PAGE = 200;

    private final PublicEventStore events;
    private final PublicEventIntake intake;
    private final Deliveries deliveries;
    private final DeliveryWorker worker;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Replays(PublicEventStore events, PublicEventIntake intake, Deliveries deliveries, DeliveryWorker worker,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.events = events;
        this.intake = intake;
        this.deliveries = deliveries;
        this.worker = worker;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Redelivers one event to the endpoints subscribed to it now and to its invoice's URL; answers how many. */
    public int resend(PublicEvent event) {
        Integer scheduled = transactions.execute(status -> deliveries.schedule(event,
                intake.receivers(event, null, null), Deliveries.MANUAL, clock.instant()));
        worker.wake();
        return scheduled == null ? 0 : scheduled;
    }

    /**
     * Redelivers the matching events of a range.
     *
     * @param projectId one project, or null for every project (operators only)
     * @param endpointId one endpoint, or null for every receiver of each event
     */
    public int replay(String projectId, String endpointId, PublicEventStore.EventFilter filter) {
        int total = 0;
        long after = 0;
        while (true) {
            List<PublicEventStore.Sequenced> page = events.range(projectId, filter, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Integer scheduled = transactions.execute(status -> page.stream()
                    .mapToInt(sequenced -> deliveries.schedule(sequenced.event(),
                            intake.receivers(sequenced.event(), endpointId, null), Deliveries.MANUAL, clock.instant()))
                    .sum());
            total += scheduled == null ? 0 : scheduled;
            after = page.get(page.size() - 1).seq();
            worker.wake();
        }
        return total;
    }
}
