package io.smartrouter.payment.connector.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The simulator's capture and refund body: minor units of the authorization's currency. */
record SimulatorAmountRequest(@JsonProperty("amount") long amount, @JsonProperty("currency") String currency) {
}
