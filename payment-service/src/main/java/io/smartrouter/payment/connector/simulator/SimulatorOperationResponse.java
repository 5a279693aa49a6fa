package io.smartrouter.payment.connector.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The simulator's 200 answer to an operation and to a status lookup: the operation's outcome as it recorded it under
 * the idempotency key. Fields this connector does not use are ignored, so the simulator may add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SimulatorOperationResponse(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("status") String status,
        @JsonProperty("authorization_id") String authorizationId,
        @JsonProperty("decline_reason") String declineReason,
        @JsonProperty("retry_advice") String retryAdvice) {
}
