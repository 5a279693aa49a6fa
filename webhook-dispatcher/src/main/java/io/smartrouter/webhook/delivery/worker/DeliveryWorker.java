package io.smartrouter.webhook.delivery.worker;

import io.smartrouter.webhook.delivery.signing.SigningSecret;
import io.smartrouter.webhook.endpoint.query.EndpointRecord;
import io.smartrouter.webhook.endpoint.query.WebhookEndpointRecords;
import io.smartrouter.webhook.event.store.PublicEvent;
import io.smartrouter.webhook.event.store.PublicEventStore;
import io.smartrouter.webhook.secret.InvoiceWebhookSecrets;
import io.smartrouter.webhook.secret.SigningSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatch loop. One thread polls the durable schedule for due deliveries in batches, claims them with a lease and
 * starts them on the non-blocking HTTP client; another records finished attempts in batches ({@link AttemptRecorder}).
 * Concurrency is bounded overall and per lane (an endpoint, or an invoice URL's host): a lane at its limit is left out
 * of the next poll and its due deliveries are held ({@link Deliveries#hold}), to be taken oldest first when it has
 * room again, so a slow or dead receiver holds only its own slots and its backlog never slows anybody else's polls.
 * The loop sleeps until its poll interval passes or something wakes it (a new event, a finished attempt).
 */
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int RECORD_BATCH = 500;
    private static final Duration RELEASE_EVERY = Duration.ofSeconds(1);

    private final Deliveries deliveries;
    private final PublicEventStore events;
    private final WebhookEndpointRecords endpoints;
    private final SigningSecrets secrets;
    private final InvoiceWebhookSecrets invoiceSecrets;
    private final WebhookSender sender;
    private final AttemptRecorder recorder;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Settings settings;

    private final Map<String, AtomicInteger> inFlightByLane = new ConcurrentHashMap<>();
    /** Lanes with held deliveries; only the dispatch thread holds rows, so it knows (loaded at start). */
    private final Set<String> heldLanes = new LinkedHashSet<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LinkedBlockingQueue<AttemptRecorder.Attempt> finished = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread dispatcher;
    private Thread recorderThread;
    private Instant lastRelease = Instant.EPOCH;

    /**
     * @param maxConcurrency attempts in flight at once, overall
     * @param maxConcurrencyPerLane attempts in flight at once to one endpoint (or invoice URL host)
     * @param batchSize due deliveries read per poll
     * @param pollInterval the longest sleep between polls
     * @param claimTimeout how long a claim lasts before it is considered abandoned
     */
    public record Settings(int maxConcurrency, int maxConcurrencyPerLane, int batchSize, Duration pollInterval,
            Duration claimTimeout) {
    }

    public DeliveryWorker(Deliveries deliveries, PublicEventStore events, WebhookEndpointRecords endpoints,
            SigningSecrets secrets, InvoiceWebhookSecrets invoiceSecrets, WebhookSender sender,
            AttemptRecorder recorder, PlatformTransactionManager transactionManager, Clock clock, Settings settings) {
        this.deliveries = deliveries;
        this.events = events;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.invoiceSecrets = invoiceSecrets;
        this.sender = sender;
        this.recorder = recorder;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.settings = settings;
    }

    /** Makes the loop poll now (new deliveries were scheduled). */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        heldLanes.addAll(deliveries.heldLanes());
        running = true;
        dispatcher = new Thread(this::dispatchLoop, "webhook-dispatch");
        recorderThread = new Thread(this::recordLoop, "webhook-record");
        dispatcher.start();
        recorderThread.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        join(dispatcher);
        recorderThread.interrupt();
        join(recorderThread);
        drainFinished();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after Axon and Kafka are up, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** Attempts in flight now (tests). */
    public int inFlight() {
        return inFlight.get();
    }

    private void dispatchLoop() {
        while (running) {
            boolean more = false;
            try {
                more = pollOnce();
            } catch (RuntimeException e) {
                log.warn("Webhook dispatch poll failed; retrying: {}", e.toString());
            }
            if (!more) {
                sleep();
            }
        }
    }

    /** One poll: answers whether it should poll again at once (it found work and has room for more). */
    boolean pollOnce() {
        Instant now = clock.instant();
        if (!now.isBefore(lastRelease.plus(RELEASE_EVERY))) {
            deliveries.releaseExpiredClaims(now);
            lastRelease = now;
        }
        int room = settings.maxConcurrency() - inFlight.get();
        if (room <= 0) {
            return false;
        }
        Set<String> busy = inFlightByLane.entrySet().stream()
                .filter(lane -> lane.getValue().get() >= settings.maxConcurrencyPerLane())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        for (String lane : busy) {
            if (deliveries.hold(lane, now) > 0) {
                heldLanes.add(lane);
            }
        }
        List<Deliveries.Delivery> chosen = takeHeld(room);
        Set<String> leftOut = new HashSet<>(busy);
        leftOut.addAll(heldLanes);
        int more = Math.min(room - chosen.size(), settings.batchSize());
        List<Deliveries.Delivery> due = more == 0 ? List.of() : deliveries.due(now, more, leftOut);
        Map<String, Integer> taken = new HashMap<>();
        boolean skipped = false;
        for (Deliveries.Delivery delivery : due) {
            int lane = inFlight(delivery.lane()) + taken.getOrDefault(delivery.lane(), 0);
            if (lane >= settings.maxConcurrencyPerLane()) {
                skipped = true;
                continue;
            }
            taken.merge(delivery.lane(), 1, Integer::sum);
            chosen.add(delivery);
        }
        // One transaction for the batch: on its own, each row's update would be committed (and written) separately.
        List<Deliveries.Delivery> claimed = chosen.isEmpty() ? List.of()
                : transactions.execute(status -> deliveries.claim(chosen, now.plus(settings.claimTimeout())));
        if (!claimed.isEmpty()) {
            startAll(claimed, now);
        }
        return (!claimed.isEmpty() || skipped) && inFlight.get() < settings.maxConcurrency();
    }

    /**
     * The oldest held deliveries of each lane with room, up to {@code room} in all. A lane that gives fewer than it was
     * asked for has none held any more, and its newer deliveries are found by the usual search again.
     */
    private List<Deliveries.Delivery> takeHeld(int room) {
        List<Deliveries.Delivery> taken = new ArrayList<>();
        for (Iterator<String> lanes = heldLanes.iterator(); lanes.hasNext() && taken.size() < room;) {
            String lane = lanes.next();
            int wanted = Math.min(settings.maxConcurrencyPerLane() - inFlight(lane), room - taken.size());
            if (wanted <= 0) {
                continue;
            }
            List<Deliveries.Delivery> oldest = deliveries.held(lane, wanted);
            if (oldest.size() < wanted) {
                lanes.remove();
            }
            taken.addAll(oldest);
        }
        return taken;
    }

    private int inFlight(String lane) {
        AtomicInteger count = inFlightByLane.get(lane);
        return count == null ? 0 : count.get();
    }

    private void startAll(List<Deliveries.Delivery> claimed, Instant now) {
        Map<String, PublicEvent> eventsById = events.findAll(claimed.stream().map(Deliveries.Delivery::eventId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(PublicEvent::id, Function.identity()));
        Map<String, EndpointRecord> endpointsById = endpoints.byIds(claimed.stream()
                .map(Deliveries.Delivery::endpointId).filter(id -> id != null).collect(Collectors.toSet()));
        Set<String> cancelled = new HashSet<>();
        for (Deliveries.Delivery delivery : claimed) {
            PublicEvent event = eventsById.get(delivery.eventId());
            EndpointRecord endpoint = delivery.endpointId() == null ? null : endpointsById.get(delivery.endpointId());
            if (event == null || delivery.endpointId() != null && (endpoint == null || !endpoint.enabled())) {
                cancelled.add(delivery.id());
                continue;
            }
            String url;
            List<SigningSecret> signing;
            try {
                if (endpoint != null) {
                    url = endpoint.url();
                    signing = endpoint.signingSecretIds(now).stream()
                            .map(id -> secrets.get(id, endpoint.endpointId())).toList();
                } else {
                    url = delivery.url();
                    signing = invoiceSecrets.signing(delivery.projectId(), now);
                }
            } catch (RuntimeException e) {
                log.error("Cannot sign delivery {} (its secret does not open): {}", delivery.id(), e.getMessage());
                deliveries.release(delivery.id());
                continue;
            }
            start(delivery, event, url, signing);
        }
        if (!cancelled.isEmpty()) {
            cancel(cancelled);
        }
    }

    private void start(Deliveries.Delivery delivery, PublicEvent event, String url, List<SigningSecret> signing) {
        AtomicInteger lane = inFlightByLane.computeIfAbsent(delivery.lane(), key -> new AtomicInteger());
        lane.incrementAndGet();
        inFlight.incrementAndGet();
        Instant startedAt = clock.instant();
        sender.send(url, event.id(), event.webhookBody(), signing).subscribe(result -> {
            finished.add(new AttemptRecorder.Attempt(delivery, event.type(), startedAt, result));
            lane.decrementAndGet();
            inFlight.decrementAndGet();
            wake();
        });
    }

    /** Deliveries to an endpoint that was disabled or deleted since: kept as cancelled (a replay can send them). */
    private void cancel(Set<String> deliveryIds) {
        transactions.executeWithoutResult(status -> deliveryIds.forEach(id -> deliveries.cancel(id)));
    }

    private void recordLoop() {
        while (running || !finished.isEmpty()) {
            try {
                AttemptRecorder.Attempt first = finished.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<AttemptRecorder.Attempt> batch = new ArrayList<>(List.of(first));
                finished.drainTo(batch, RECORD_BATCH - 1);
                recordWithRetry(batch);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void recordWithRetry(List<AttemptRecorder.Attempt> batch) {
        try {
            recorder.record(batch);
        } catch (RuntimeException e) {
            // One bad row must not lose the others: record them one by one; a claim left unrecorded is retried.
            log.warn("Recording {} attempts failed, recording one by one: {}", batch.size(), e.toString());
            for (AttemptRecorder.Attempt attempt : batch) {
                try {
                    recorder.record(List.of(attempt));
                } catch (RuntimeException single) {
                    log.error("Could not record attempt of delivery {}; it will be retried after its lease",
                            attempt.delivery().id(), single);
                }
            }
        }
    }

    private void drainFinished() {
        List<AttemptRecorder.Attempt> rest = new ArrayList<>();
        finished.drainTo(rest);
        if (!rest.isEmpty()) {
            recordWithRetry(rest);
        }
    }

    private void sleep() {
        lock.lock();
        try {
            if (!wakeRequested) {
                woken.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofSeconds(20).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
