package io.smartrouter.payment.transaction.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction as the read model keeps it (amounts in minor units): the fields of API.md's transaction object, its
 * operations and its refunds. Built by {@link TransactionViews} from the payment events.
 */
public record TransactionView(String id, String projectId, String invoiceId, String customerId, String tokenId,
        String cardId, CardView card, String status, long amount, String currency, long authorizedAmount,
        long capturedAmount, long refundedAmount, String gatewayConfigurationId, String errorCode,
        String threeDSecureStatus, Instant autoCaptureAt, Instant authorizationExpiresAt, int attemptsCount,
        List<OperationView> operations, List<RefundView> refunds, Instant createdAt, Instant updatedAt,
        String gatewayName, List<String> routingTags) {

    /** Documents written before routing have neither a gateway name nor routing tags. */
    public TransactionView {
        operations = List.copyOf(operations);
        refunds = List.copyOf(refunds);
        routingTags = routingTags == null ? List.of() : List.copyOf(routingTags);
    }

    /** The same transaction with another gateway (name) and routing tags. */
    TransactionView routedTo(String configurationId, String gateway, List<String> tags, Instant at) {
        return new TransactionView(id, projectId, invoiceId, customerId, tokenId, cardId, card, status, amount,
                currency, authorizedAmount, capturedAmount, refundedAmount, configurationId, errorCode,
                threeDSecureStatus, autoCaptureAt, authorizationExpiresAt, attemptsCount, operations, refunds,
                createdAt, at, gateway, tags);
    }

    /** The same transaction with {@code code} as its last error (an attempt's failure is not the transaction's). */
    TransactionView withErrorCode(String code) {
        return new TransactionView(id, projectId, invoiceId, customerId, tokenId, cardId, card, status, amount,
                currency, authorizedAmount, capturedAmount, refundedAmount, gatewayConfigurationId, code,
                threeDSecureStatus, autoCaptureAt, authorizationExpiresAt, attemptsCount, operations, refunds,
                createdAt, updatedAt, gatewayName, routingTags);
    }

    /** The view with its 3-D Secure status, an operation recorded, at {@code at}. */
    TransactionView withThreeDSecure(String status, OperationView operation, Instant at) {
        List<OperationView> all = new ArrayList<>(operations);
        if (operation != null) {
            all.add(operation);
        }
        return new TransactionView(id, projectId, invoiceId, customerId, tokenId, cardId, card, this.status, amount,
                currency, authorizedAmount, capturedAmount, refundedAmount, gatewayConfigurationId, errorCode, status,
                autoCaptureAt, authorizationExpiresAt, attemptsCount, all, refunds, createdAt, at, gatewayName,
                routingTags);
    }

    /**
     * What can still be captured (while authorized) or refunded (once captured). A retrieval request, a fraud
     * notification or a won chargeback leave the captured funds refundable; an open or lost chargeback does not.
     */
    public long availableAmount() {
        return switch (status) {
            case "authorized" -> authorizedAmount - capturedAmount;
            case "completed", "partially-refunded", "retrieval-request", "fraud-notification", "solved" ->
                    capturedAmount - refundedAmount;
            default -> 0;
        };
    }

    /** The card, masked. */
    public record CardView(String scheme, String type, String countryCode, String iin, String last4Digits) {
    }

    /** One operation: {@code request}, {@code authorization}, {@code capture}, {@code void} or {@code refund}. */
    public record OperationView(String id, String type, String gatewayConfigurationId, long amount, String status,
            boolean hasFailed, String errorCode, Instant createdAt) {
    }

    /** One refund and what became of it. */
    public record RefundView(String id, long amount, String reason, Map<String, String> metadata, String status,
            String errorCode, Instant createdAt) {

        /** Unmodifiable in its order, as views are shared ({@link TransactionDocuments}). */
        public RefundView {
            metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }
}
