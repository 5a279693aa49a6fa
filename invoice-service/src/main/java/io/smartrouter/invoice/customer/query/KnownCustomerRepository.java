package io.smartrouter.invoice.customer.query;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface KnownCustomerRepository extends Repository<KnownCustomer, String> {

    KnownCustomer save(KnownCustomer customer);

    Optional<KnownCustomer> findById(String customerId);
}
