package io.smartrouter.payment.routing.adaptive;

/**
 * What one authorization attempt at one gateway taught us about that gateway.
 *
 * <ul>
 *   <li>{@link #APPROVED}: a success.</li>
 *   <li>{@link #SOFT_DECLINE}: a failure. The issuer or the PSP refused a card another route might have got through
 *       (do not honor, generic decline, insufficient funds): routing can change it, so it counts against the
 *       gateway.</li>
 *   <li>{@link #GATEWAY_ERROR}: a failure. The gateway was unavailable, did not answer in time, or never received the
 *       call. For routing this is the worst outcome, so it counts against the gateway like a decline (the circuit
 *       breaker handles outages within seconds; the learner makes a flaky gateway lose traffic too).</li>
 *   <li>{@link #EXCLUDED}: not counted. Hard declines (stolen, lost, expired, invalid card) and customer-side
 *       failures (3-D Secure failed or abandoned) are about the card or the customer, not the gateway: every gateway
 *       would have had them.</li>
 * </ul>
 */
public enum AuthorizationOutcome {
    APPROVED,
    SOFT_DECLINE,
    GATEWAY_ERROR,
    EXCLUDED;

    /** Whether the outcome counts in the gateway's approval rate. */
    public boolean counts() {
        return this != EXCLUDED;
    }
}
