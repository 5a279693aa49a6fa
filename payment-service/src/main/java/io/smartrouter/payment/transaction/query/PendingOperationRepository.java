package io.smartrouter.payment.transaction.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PendingOperationRepository extends Repository<PendingOperation, String> {

    PendingOperation save(PendingOperation operation);

    void deleteById(String operationId);

    Optional<PendingOperation> findById(String operationId);

    @Modifying
    @Query("delete from PendingOperation p where p.transactionId = ?1 and p.type = ?2")
    void deleteByTransactionIdAndType(String transactionId, String type);

    List<PendingOperation> findByStartedAtBeforeOrderByStartedAtAsc(Instant cutoff, Limit limit);
}
