package io.smartrouter.payment.transaction.query;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface TransactionRecordRepository extends Repository<TransactionRecord, String> {

    TransactionRecord save(TransactionRecord transaction);

    Optional<TransactionRecord> findById(String transactionId);

    Optional<TransactionRecord> findByInvoiceId(String invoiceId);
}
