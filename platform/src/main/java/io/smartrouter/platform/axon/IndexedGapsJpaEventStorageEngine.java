package io.smartrouter.platform.axon;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * Axon's JPA event storage engine, reading the events after a tracking token in two indexed queries instead of one.
 * <p>
 * Axon asks for {@code globalIndex > :token OR globalIndex IN :gaps}; the gaps are the indexes below the token not yet
 * seen (transactions still committing, or rolled back). On H2 that {@code OR} defeats the primary-key index: every
 * fetch scanned the whole event table (measured: 12 rows read for the range alone, 200,001 with three gaps; 0.2 ms
 * against 4 ms at 200,000 events, growing with the store), and under concurrent load there are nearly always gaps —
 * the outbox's reading grew with the event store. Here the gaps and the range are two index lookups; the gaps all lie
 * below the token, so the gaps' rows followed by the range's are the same rows in the same order as Axon's query,
 * and the batch size bounds them the same way.
 */
public class IndexedGapsJpaEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData";

    public IndexedGapsJpaEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        List<Object[]> events = new ArrayList<>(entityManager().createQuery("SELECT " + COLUMNS + " FROM "
                        + domainEventEntryEntityName() + " e WHERE e.globalIndex IN :gaps ORDER BY e.globalIndex ASC",
                        Object[].class)
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize())
                .getResultList());
        if (events.size() < batchSize()) {
            events.addAll(entityManager().createQuery("SELECT " + COLUMNS + " FROM " + domainEventEntryEntityName()
                            + " e WHERE e.globalIndex > :token ORDER BY e.globalIndex ASC", Object[].class)
                    .setParameter("token", token.getIndex())
                    .setMaxResults(batchSize() - events.size())
                    .getResultList());
        }
        return events;
    }
}
