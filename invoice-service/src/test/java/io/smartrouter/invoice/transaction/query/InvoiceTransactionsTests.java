package io.smartrouter.invoice.transaction.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.invoice.transaction.PaymentEvents;
import io.smartrouter.invoice.transaction.api.TransactionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Which transaction an invoice's summary follows, as a plain object over an in-memory table. */
class InvoiceTransactionsTests {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final InMemoryTransactions rows = new InMemoryTransactions();
    private final InvoiceTransactions transactions = new InvoiceTransactions(rows);
    private final List<String> asked = new ArrayList<>();
    private final PaymentEvents first = new PaymentEvents("tr_1", "test-proj_demo", "iv_1");

    @Test
    void startsWithTheFirstRequestAndFollowsThatTransaction() {
        apply(first.authorized(1000, "EUR", T0));
        assertThat(rows.findById("iv_1")).isEmpty();

        apply(first.requested(1000, "EUR", T0));
        apply(first.authorized(1000, "EUR", T0.plusSeconds(1)));

        assertThat(summary().transactionId()).isEqualTo("tr_1");
        assertThat(summary().status()).isEqualTo(TransactionStatus.AUTHORIZED);
    }

    @Test
    void followsANewerTransactionAndIgnoresTheOlderOnesEvents() {
        apply(first.requested(1000, "EUR", T0));
        apply(first.failed("card.declined", T0.plusSeconds(1)));
        var second = new PaymentEvents("tr_2", "test-proj_demo", "iv_1");
        apply(second.requested(1000, "EUR", T0.plusSeconds(2)));

        apply(first.authorized(1000, "EUR", T0.plusSeconds(3)));
        apply(new PaymentEvents("tr_0", "test-proj_demo", "iv_1").requested(1000, "EUR", T0.minusSeconds(1)));

        assertThat(summary()).isEqualTo(new TransactionSummary("tr_2", TransactionStatus.PENDING, 1000, "EUR", 0, 0, 0,
                null, T0.plusSeconds(2)));
    }

    @Test
    void startsARowOnlyForAnInvoiceOfTheEventsProjectAndAsksOncePerInvoice() {
        var intruder = new PaymentEvents("tr_1", "test-proj_other", "iv_1");
        apply(intruder.requested(1, "EUR", T0));
        assertThat(rows.findById("iv_1")).isEmpty();

        apply(first.requested(1000, "EUR", T0.plusSeconds(1)));
        apply(first.authorized(1000, "EUR", T0.plusSeconds(2)));
        apply(first.captured(1000, 1000, "EUR", T0.plusSeconds(3)));

        assertThat(summary().status()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(asked).containsExactly("test-proj_other", "test-proj_demo");
    }

    @Test
    void neverLetsAnotherProjectTouchTheRow() {
        apply(first.requested(1000, "EUR", T0));
        var intruder = new PaymentEvents("tr_1", "test-proj_other", "iv_1");
        apply(intruder.failed("card.declined", T0.plusSeconds(1)));
        apply(new PaymentEvents("tr_9", "test-proj_other", "iv_1").requested(1, "EUR", T0.plusSeconds(2)));

        assertThat(summary().status()).isEqualTo(TransactionStatus.PENDING);
        assertThat(summary().transactionId()).isEqualTo("tr_1");
    }

    /** The invoice iv_1 is one of test-proj_demo's; every question is recorded. */
    private void apply(SpecificRecord event) {
        transactions.apply(PaymentEvent.of(event), payment -> {
            asked.add(payment.projectId());
            return payment.projectId().equals("test-proj_demo") && payment.invoiceId().equals("iv_1");
        });
    }

    private TransactionSummary summary() {
        return rows.findById("iv_1").orElseThrow().summary();
    }

    private static final class InMemoryTransactions implements InvoiceTransactionRepository {
        private final Map<String, InvoiceTransaction> rows = new HashMap<>();

        @Override
        public InvoiceTransaction save(InvoiceTransaction transaction) {
            rows.put(transaction.invoiceId(), transaction);
            return transaction;
        }

        @Override
        public Optional<InvoiceTransaction> findById(String invoiceId) {
            return Optional.ofNullable(rows.get(invoiceId));
        }
    }
}
