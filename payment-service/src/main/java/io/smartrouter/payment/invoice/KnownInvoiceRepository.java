package io.smartrouter.payment.invoice;

import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface KnownInvoiceRepository extends Repository<KnownInvoice, String> {

    KnownInvoice save(KnownInvoice invoice);

    Optional<KnownInvoice> findById(String invoiceId);

    /** Sets the invoice's transaction unless it has one already; answers how many rows changed (0 or 1). */
    @Modifying
    @Query("update KnownInvoice i set i.transactionId = ?2 where i.invoiceId = ?1 and i.transactionId is null")
    int assignTransaction(String invoiceId, String transactionId);
}
