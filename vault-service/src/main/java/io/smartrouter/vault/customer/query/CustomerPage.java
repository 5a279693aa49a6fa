package io.smartrouter.vault.customer.query;

import java.util.List;

/** One page of a customer list. */
public record CustomerPage(List<CustomerView> customers, boolean hasMore) {
}
