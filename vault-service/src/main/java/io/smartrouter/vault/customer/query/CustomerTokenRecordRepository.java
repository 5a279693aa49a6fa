package io.smartrouter.vault.customer.query;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface CustomerTokenRecordRepository extends Repository<CustomerTokenRecord, String> {

    CustomerTokenRecord save(CustomerTokenRecord token);

    Optional<CustomerTokenRecord> findById(String tokenId);

    List<CustomerTokenRecord> findByCustomerIdAndDeletedFalseOrderByCreatedAtAscTokenIdAsc(String customerId);
}
