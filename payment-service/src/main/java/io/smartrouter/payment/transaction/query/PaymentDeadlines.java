package io.smartrouter.payment.transaction.query;

import io.smartrouter.payment.transaction.query.PaymentDeadline.Kind;
import io.smartrouter.schemas.payment.TransactionAuthorizationExpiredEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.payment.TransactionFailedEvent;
import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import io.smartrouter.schemas.payment.TransactionVoidedEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the transactions' deadlines from their events: an automatic capture from the request that asked for one, the
 * expiry from the authorization; both gone once the authorization is captured, voided, expired or never happened.
 */
@Component
@ProcessingGroup(TransactionProjection.PROCESSING_GROUP)
public class PaymentDeadlines {

    private final PaymentDeadlineRepository deadlines;

    PaymentDeadlines(PaymentDeadlineRepository deadlines) {
        this.deadlines = deadlines;
    }

    /** A new attempt after a failed one replaces the earlier request's automatic capture; a new transaction has none. */
    @EventHandler
    void on(TransactionRequestedEvent event, @SequenceNumber long sequence) {
        if (sequence > 0) {
            deadlines.remove(List.of(PaymentDeadline.id(event.getTransactionId(), Kind.AUTO_CAPTURE)));
        }
        if (event.getAutoCaptureAt() != null) {
            deadlines.save(new PaymentDeadline(event.getTransactionId(), event.getProjectId(), Kind.AUTO_CAPTURE,
                    event.getAutoCaptureAt()));
        }
    }

    @EventHandler
    void on(TransactionAuthorizedEvent event) {
        deadlines.save(new PaymentDeadline(event.getTransactionId(), event.getProjectId(), Kind.EXPIRY,
                event.getAuthorizationExpiresAt()));
    }

    @EventHandler
    void on(TransactionFailedEvent event) {
        clear(event.getTransactionId());
    }

    @EventHandler
    void on(TransactionCapturedEvent event) {
        clear(event.getTransactionId());
    }

    @EventHandler
    void on(TransactionVoidedEvent event) {
        clear(event.getTransactionId());
    }

    @EventHandler
    void on(TransactionAuthorizationExpiredEvent event) {
        clear(event.getTransactionId());
    }

    /** The deadlines due at {@code now}, oldest first. */
    @Transactional(readOnly = true)
    public List<PaymentDeadline> dueBy(Instant now, int limit) {
        return deadlines.findByDueAtLessThanEqualOrderByDueAtAsc(now, Limit.of(limit));
    }

    /** Drops a deadline that was acted on. */
    @Transactional
    public void done(PaymentDeadline deadline) {
        deadlines.remove(List.of(deadline.deadlineId()));
    }

    private void clear(String transactionId) {
        deadlines.remove(Arrays.stream(Kind.values()).map(kind -> PaymentDeadline.id(transactionId, kind)).toList());
    }
}
