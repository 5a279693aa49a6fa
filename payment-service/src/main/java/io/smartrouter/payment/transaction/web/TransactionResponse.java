package io.smartrouter.payment.transaction.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smartrouter.payment.transaction.query.TransactionView;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A transaction as API.md shows it: amounts as decimal strings in the currency's major unit. */
record TransactionResponse(String id, String projectId, String invoiceId, String customerId, String tokenId,
        String cardId, Card card, String status, String amount, String currency, String authorizedAmount,
        String capturedAmount, String refundedAmount, String availableAmount, String gatewayConfigurationId,
        String gatewayName, String errorCode, @JsonProperty("three_d_s_status") String threeDSStatus,
        Instant autoCaptureAt, Instant authorizationExpiresAt, int attemptsCount, List<String> routingTags,
        List<Operation> operations, List<Refund> refunds, boolean sandbox, Instant createdAt) {

    static TransactionResponse of(TransactionView view) {
        String currency = view.currency();
        var card = view.card();
        return new TransactionResponse(view.id(), view.projectId(), view.invoiceId(), view.customerId(), view.tokenId(),
                view.cardId(), card == null ? null : new Card(card.scheme(), card.type(), card.countryCode(), card.iin(),
                        card.last4Digits()),
                view.status(), decimal(view.amount(), currency), currency, decimal(view.authorizedAmount(), currency),
                decimal(view.capturedAmount(), currency), decimal(view.refundedAmount(), currency),
                decimal(view.availableAmount(), currency), view.gatewayConfigurationId(), gatewayName(view),
                view.errorCode(), view.threeDSecureStatus(), view.autoCaptureAt(), view.authorizationExpiresAt(),
                view.attemptsCount(), view.routingTags(),
                view.operations().stream().map(op -> new Operation(op.id(), op.type(), op.gatewayConfigurationId(),
                        decimal(op.amount(), currency), op.status(), op.hasFailed(), op.errorCode(), op.createdAt()))
                        .toList(),
                view.refunds().stream().map(refund -> Refund.of(refund, currency)).toList(),
                new ProjectId(view.projectId()).sandbox(), view.createdAt());
    }

    /** Transactions made before routing went to the built-in sandbox, and did not record a gateway name. */
    private static String gatewayName(TransactionView view) {
        if (view.gatewayName() != null) {
            return view.gatewayName();
        }
        return "sandbox".equals(view.gatewayConfigurationId()) ? "sandbox" : null;
    }

    static String decimal(long minorUnits, String currency) {
        return Money.ofMinor(minorUnits, currency).toDecimalString();
    }

    record Card(String scheme, String type, String countryCode, String iin,
            @JsonProperty("last_4_digits") String last4Digits) {
    }

    record Operation(String id, String type, String gatewayConfigurationId, String amount, String status,
            boolean hasFailed, String errorCode, Instant createdAt) {
    }

    record Refund(String id, String amount, String reason, Map<String, String> metadata, String status,
            String errorCode, Instant createdAt) {

        static Refund of(TransactionView.RefundView refund, String currency) {
            return new Refund(refund.id(), decimal(refund.amount(), currency), refund.reason(), refund.metadata(),
                    refund.status(), refund.errorCode(), refund.createdAt());
        }
    }
}
