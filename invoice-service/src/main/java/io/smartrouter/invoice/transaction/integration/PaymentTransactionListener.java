package io.smartrouter.invoice.transaction.integration;

import io.smartrouter.invoice.invoice.api.InvoiceOfProjectQuery;
import io.smartrouter.invoice.transaction.query.InvoiceTransactions;
import io.smartrouter.invoice.transaction.query.PaymentEvent;
import io.smartrouter.invoice.transaction.query.TransactionSummaries;
import io.smartrouter.platform.events.BatchingConsumer;
import io.smartrouter.platform.events.ProcessedEvents;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.envelope.EventEnvelope;
import io.smartrouter.schemas.serde.EventPayloads;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link InvoiceTransactions} from the payment service's events on Kafka. One transaction's events arrive in
 * order (keyed by transaction id) and at least once, so each is applied once per event id ({@link ProcessedEvents}, in
 * the same transaction as the row). An event about an invoice that is not one of its project's is ignored with a
 * warning (checked once per invoice, see {@link InvoiceTransactions#apply}); so are the payment events that show
 * nothing on the invoice (an operation started). A poll's records are applied in one database transaction.
 */
@Component
class PaymentTransactionListener {

    static final String CONSUMER = "invoice-service.payment-transactions";
    private static final Set<String> FOLDED = TransactionSummaries.FOLDED.stream().map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());

    private final InvoiceTransactions transactions;
    private final ProcessedEvents processed;
    private final QueryGateway queries;

    PaymentTransactionListener(InvoiceTransactions transactions, ProcessedEvents processed, QueryGateway queries) {
        this.transactions = transactions;
        this.processed = processed;
        this.queries = queries;
    }

    @KafkaListener(topics = Topics.PAYMENTS, groupId = CONSUMER, batch = "true",
            properties = {BatchingConsumer.MIN_BYTES, BatchingConsumer.MAX_WAIT})
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        processed.processRecords(CONSUMER, records, envelope -> FOLDED.contains(envelope.getEventType()), this::apply);
    }

    private void apply(EventEnvelope envelope) {
        transactions.apply(PaymentEvent.of(EventPayloads.decode(envelope.getPayload())), this::isInvoiceOfItsProject);
    }

    /** Asked once per invoice, before its first row (an invoice's project never changes). */
    private boolean isInvoiceOfItsProject(PaymentEvent event) {
        if (!ProjectId.isWellFormed(event.projectId())) {
            return false;
        }
        return queries.query(new InvoiceOfProjectQuery(new ProjectId(event.projectId()), event.invoiceId()), Boolean.class)
                .join();
    }
}
