package io.smartrouter.vault.customer.web;

import io.smartrouter.vault.customer.api.CustomerDetails;
import io.smartrouter.vault.customer.query.CustomerView;
import java.time.Instant;
import java.util.Map;

/** A customer as API.md shows it. */
record CustomerResponse(String id, String projectId, String email, String firstName, String lastName,
        String phoneNumber, String address1, String address2, String city, String state, String zip,
        String countryCode, Map<String, String> metadata, String defaultTokenId, Instant createdAt) {

    static CustomerResponse of(CustomerView customer) {
        CustomerDetails d = customer.details();
        return new CustomerResponse(customer.customerId(), customer.projectId(), d.email(), d.firstName(),
                d.lastName(), d.phoneNumber(), d.address1(), d.address2(), d.city(), d.state(), d.zip(),
                d.countryCode(), d.metadata(), customer.defaultTokenId(), customer.createdAt());
    }
}
