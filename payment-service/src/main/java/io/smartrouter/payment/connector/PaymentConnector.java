package io.smartrouter.payment.connector;

/**
 * A PSP integration: its gateway name ({@code sandbox}, …) and the operations it supports. One package per PSP under
 * {@code connector}, each passing the shared contract tests; nothing outside a connector's package knows its wire
 * format.
 */
public interface PaymentConnector extends PaymentOperations.Authorizer, PaymentOperations.Capturer,
        PaymentOperations.Voider, PaymentOperations.Refunder, PaymentOperations.StatusLookup,
        PaymentOperations.DisputeFeed, PaymentOperations.ThreeDSecure {

    /** The gateway name in API.md's gateway configurations, e.g. {@code sandbox}. */
    String gateway();
}
