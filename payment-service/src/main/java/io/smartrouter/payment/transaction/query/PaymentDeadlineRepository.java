package io.smartrouter.payment.transaction.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface PaymentDeadlineRepository extends Repository<PaymentDeadline, String> {

    PaymentDeadline save(PaymentDeadline deadline);

    /** Deletes these deadlines, those that exist, in one statement (Spring Data's deleteById looks each one up first). */
    @Modifying
    @Query("delete from PaymentDeadline d where d.deadlineId in :ids")
    int remove(@Param("ids") Collection<String> deadlineIds);

    List<PaymentDeadline> findByDueAtLessThanEqualOrderByDueAtAsc(Instant now, Limit limit);
}
