package io.smartrouter.payment.transaction.query;

import java.util.List;

/** One page of a transaction list. */
public record TransactionPage(List<TransactionView> transactions, boolean hasMore) {
}
