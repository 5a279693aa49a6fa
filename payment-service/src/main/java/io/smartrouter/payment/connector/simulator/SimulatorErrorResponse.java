package io.smartrouter.payment.connector.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The simulator's error body: {@code {"error": {"type": "…", "message": "…"}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SimulatorErrorResponse(@JsonProperty("error") Detail error) {

    /** The error type only: this connector maps types, never messages. */
    String type() {
        return error == null || error.type() == null ? "" : error.type();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(@JsonProperty("type") String type, @JsonProperty("message") String message) {
    }
}
