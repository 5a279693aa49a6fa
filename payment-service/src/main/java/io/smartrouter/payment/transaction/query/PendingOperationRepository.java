package io.smartrouter.payment.transaction.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** Reads of {@link PendingOperation}; {@link PendingOperations} writes the rows with SQL. */
interface PendingOperationRepository extends Repository<PendingOperation, String> {

    Optional<PendingOperation> findById(String operationId);

    List<PendingOperation> findByStartedAtBeforeOrderByStartedAtAsc(Instant cutoff, Limit limit);
}
