package io.smartrouter.simulator.web;

/** {@code POST …/captures} and {@code …/refunds}: an amount in minor units of the authorization's currency. */
public record SimulatorAmountRequest(Long amount, String currency) {
}
