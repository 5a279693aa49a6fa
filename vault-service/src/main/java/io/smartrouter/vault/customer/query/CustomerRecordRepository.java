package io.smartrouter.vault.customer.query;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface CustomerRecordRepository extends Repository<CustomerRecord, String> {

    CustomerRecord save(CustomerRecord customer);

    Optional<CustomerRecord> findById(String customerId);
}
