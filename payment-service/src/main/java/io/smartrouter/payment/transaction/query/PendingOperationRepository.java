package io.smartrouter.payment.transaction.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

interface PendingOperationRepository extends Repository<PendingOperation, String> {

    PendingOperation save(PendingOperation operation);

    void deleteById(String operationId);

    List<PendingOperation> findByStartedAtBeforeOrderByStartedAtAsc(Instant cutoff, Limit limit);
}
