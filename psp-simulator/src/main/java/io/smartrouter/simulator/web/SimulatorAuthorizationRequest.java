package io.smartrouter.simulator.web;

/**
 * {@code POST /psps/{psp}/authorizations}. Its {@code toString()} never shows the card number or the CVC.
 *
 * @param amount minor units of {@code currency}, at least 1
 * @param initiationType {@code cit} or {@code mit}
 * @param merchantReference the merchant's id for the payment (optional)
 * @param merchantAccount the merchant account at this PSP (optional, echoed nowhere)
 */
public record SimulatorAuthorizationRequest(Long amount, String currency, Card card, String initiationType,
        String merchantReference, String merchantAccount) {

    /** The card; {@code cvc} may be null (a saved card). */
    public record Card(String number, Integer expMonth, Integer expYear, String cvc, String holderName) {

        @Override
        public String toString() {
            return "Card[masked]";
        }
    }
}
