package io.smartrouter.invoice.transaction;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.schemas.payment.CaptureFailedEvent;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import io.smartrouter.schemas.payment.RefundFailedEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.payment.TransactionFailedEvent;
import io.smartrouter.schemas.payment.TransactionRefundedEvent;
import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import io.smartrouter.schemas.payment.TransactionVoidedEvent;
import io.smartrouter.schemas.payment.VoidFailedEvent;
import java.time.Instant;

/** Test fixture: the payment service's events of one transaction of one invoice, as it would publish them. */
public record PaymentEvents(String transactionId, String projectId, String invoiceId) {

    public static PaymentEvents newTransaction(String projectId, String invoiceId) {
        return new PaymentEvents(Ids.newId("tr_"), projectId, invoiceId);
    }

    public TransactionRequestedEvent requested(long amount, String currency, Instant at) {
        return TransactionRequestedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId()).setAmount(amount).setCurrency(currency)
                .setInitiationType("cit").setCardId(Ids.newId("card_")).setRequestedAt(at).build();
    }

    public OperationStartedEvent operationStarted(String type, long amount, String currency, Instant at) {
        return OperationStartedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId()).setType(type).setAmount(amount)
                .setCurrency(currency).setGatewayConfigurationId(Ids.newId("gway_conf_")).setStartedAt(at).build();
    }

    public TransactionAuthorizedEvent authorized(long amount, String currency, Instant at) {
        return TransactionAuthorizedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId()).setAmount(amount).setCurrency(currency)
                .setAuthorizationExpiresAt(at.plusSeconds(7 * 24 * 3600)).setAuthorizedAt(at).build();
    }

    public TransactionFailedEvent failed(String errorCode, Instant at) {
        return TransactionFailedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId()).setErrorCode(errorCode).setFailedAt(at).build();
    }

    public TransactionCapturedEvent captured(long amount, long total, String currency, Instant at) {
        return TransactionCapturedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId()).setAmount(amount).setCapturedAmount(total)
                .setCurrency(currency).setCapturedAt(at).build();
    }

    public CaptureFailedEvent captureFailed(long amount, String currency, String errorCode, Instant at) {
        return CaptureFailedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId()).setAmount(amount).setCurrency(currency)
                .setErrorCode(errorCode).setFailedAt(at).build();
    }

    public TransactionVoidedEvent voided(Instant at) {
        return TransactionVoidedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId()).setVoidedAt(at).build();
    }

    public VoidFailedEvent voidFailed(String errorCode, Instant at) {
        return VoidFailedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId()).setErrorCode(errorCode).setFailedAt(at).build();
    }

    public TransactionRefundedEvent refunded(long amount, long total, String currency, Instant at) {
        return TransactionRefundedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId()).setRefundId(Ids.newId("refd_"))
                .setAmount(amount).setRefundedAmount(total).setCurrency(currency).setRefundedAt(at).build();
    }

    public RefundFailedEvent refundFailed(long amount, String currency, String errorCode, Instant at) {
        return RefundFailedEvent.newBuilder().setTransactionId(transactionId).setProjectId(projectId)
                .setInvoiceId(invoiceId).setOperationId(operationId()).setRefundId(Ids.newId("refd_"))
                .setAmount(amount).setCurrency(currency).setErrorCode(errorCode).setFailedAt(at).build();
    }

    private static String operationId() {
        return Ids.newId("tr_op_");
    }
}
