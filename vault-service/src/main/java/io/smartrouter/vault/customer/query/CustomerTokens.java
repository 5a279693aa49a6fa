package io.smartrouter.vault.customer.query;

import java.util.List;

/** The live tokens of one customer, oldest first. */
public record CustomerTokens(List<TokenView> tokens) {
}
