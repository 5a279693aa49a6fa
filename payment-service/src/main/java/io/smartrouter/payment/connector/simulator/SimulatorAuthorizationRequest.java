package io.smartrouter.payment.connector.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The simulator's {@code POST /psps/{psp}/authorizations} body. {@code toString()} shows no card data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SimulatorAuthorizationRequest(
        @JsonProperty("amount") long amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("card") SimulatorCard card,
        @JsonProperty("initiation_type") String initiationType,
        @JsonProperty("merchant_reference") String merchantReference,
        @JsonProperty("merchant_account") String merchantAccount) {

    /** The card as the simulator takes it; {@code cvc} is absent for a saved card. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SimulatorCard(
            @JsonProperty("number") String number,
            @JsonProperty("exp_month") int expMonth,
            @JsonProperty("exp_year") int expYear,
            @JsonProperty("cvc") String cvc,
            @JsonProperty("holder_name") String holderName) {

        @Override
        public String toString() {
            return "SimulatorCard[masked]";
        }
    }
}
