package io.smartrouter.payment.transaction.api;

/** What the PSP call needs once the intent is recorded: the amount reserved and the authorization's PSP reference. */
public record StartedOperation(String operationId, long amountMinor, String currency, String authorizationReference,
        String gatewayConfigurationId) {
}
