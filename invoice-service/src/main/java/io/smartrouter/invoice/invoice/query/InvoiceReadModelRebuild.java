package io.smartrouter.invoice.invoice.query;

import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the invoice read model from the event store: empties it and replays every stored event through the same
 * handlers that keep it, in one transaction. Started with {@code smartrouter.invoice.rebuild-read-model=true}
 * (environment {@code SMARTROUTER_INVOICE_REBUILD_READ_MODEL=true}), it runs once at start-up, before the service
 * accepts requests, so that no live command writes the table meanwhile. The invoices' transaction summaries
 * ({@code invoice_transaction}) come from the payment events on Kafka, not from the event store, and are left as they are.
 */
@Component
public class InvoiceReadModelRebuild implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InvoiceReadModelRebuild.class);

    private final EventStorageEngine events;
    private final InvoiceSummaryProjection projection;
    private final EntityManager entities;
    private final TransactionTemplate transactions;
    private final boolean onStart;

    InvoiceReadModelRebuild(EventStorageEngine events, InvoiceSummaryProjection projection, EntityManager entities,
            PlatformTransactionManager transactionManager,
            @Value("${smartrouter.invoice.rebuild-read-model:false}") boolean onStart) {
        this.events = events;
        this.projection = projection;
        this.entities = entities;
        this.transactions = new TransactionTemplate(transactionManager);
        this.onStart = onStart;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (onStart) {
            long replayed = rebuild();
            log.info("Rebuilt the invoice read model from {} stored events", replayed);
        }
    }

    /** Empties the read model and replays the whole event store into it; answers the number of events replayed. */
    public long rebuild() {
        var handlers = new AnnotationEventHandlerAdapter(projection);
        AtomicLong replayed = new AtomicLong();
        transactions.executeWithoutResult(status -> {
            entities.createQuery("delete from InvoiceSummary").executeUpdate();
            try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
                stored.forEach(event -> {
                    DefaultUnitOfWork.startAndGet(event).execute(() -> {
                        try {
                            handlers.handle(event);
                        } catch (Exception e) {
                            throw new IllegalStateException("Replaying event " + event.getIdentifier() + " failed", e);
                        }
                    });
                    replayed.incrementAndGet();
                });
            }
        });
        return replayed.get();
    }
}
