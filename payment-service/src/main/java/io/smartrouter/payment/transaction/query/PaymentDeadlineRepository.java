package io.smartrouter.payment.transaction.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

interface PaymentDeadlineRepository extends Repository<PaymentDeadline, String> {

    PaymentDeadline save(PaymentDeadline deadline);

    void deleteById(String deadlineId);

    List<PaymentDeadline> findByDueAtLessThanEqualOrderByDueAtAsc(Instant now, Limit limit);
}
