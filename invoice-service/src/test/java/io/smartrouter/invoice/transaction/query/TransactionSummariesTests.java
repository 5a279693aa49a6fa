package io.smartrouter.invoice.transaction.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.invoice.transaction.PaymentEvents;
import io.smartrouter.invoice.transaction.api.TransactionStatus;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import java.time.Instant;
import io.smartrouter.schemas.payment.TransactionAuthorizationExpiredEvent;
import io.smartrouter.schemas.payment.TransactionDisputedEvent;
import org.junit.jupiter.api.Test;

/** The status and amounts an invoice shows of its transaction, folded from the payment events as plain functions. */
class TransactionSummariesTests {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final PaymentEvents payment = new PaymentEvents("tr_1", "test-proj_demo", "iv_1");

    @Test
    void followsAPaymentFromRequestToFullRefund() {
        TransactionSummary summary = TransactionSummaries.requested(payment.requested(1000, "EUR", T0));
        assertThat(summary).isEqualTo(new TransactionSummary("tr_1", TransactionStatus.PENDING, 1000, "EUR", 0, 0, 0,
                null, T0));

        summary = TransactionSummaries.fold(summary, payment.authorized(1000, "EUR", T0.plusSeconds(1)));
        assertThat(summary.status()).isEqualTo(TransactionStatus.AUTHORIZED);
        assertThat(summary.authorizedAmountMinor()).isEqualTo(1000);
        assertThat(summary.updatedAt()).isEqualTo(T0.plusSeconds(1));

        summary = TransactionSummaries.fold(summary, payment.captured(600, 600, "EUR", T0.plusSeconds(2)));
        summary = TransactionSummaries.fold(summary, payment.captured(400, 1000, "EUR", T0.plusSeconds(3)));
        assertThat(summary.status()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(summary.capturedAmountMinor()).isEqualTo(1000);

        summary = TransactionSummaries.fold(summary, payment.refunded(250, 250, "EUR", T0.plusSeconds(4)));
        assertThat(summary.status()).isEqualTo(TransactionStatus.PARTIALLY_REFUNDED);
        assertThat(summary.refundedAmountMinor()).isEqualTo(250);

        summary = TransactionSummaries.fold(summary, payment.refunded(750, 1000, "EUR", T0.plusSeconds(5)));
        assertThat(summary).isEqualTo(new TransactionSummary("tr_1", TransactionStatus.REFUNDED, 1000, "EUR", 1000,
                1000, 1000, null, T0.plusSeconds(5)));
    }

    @Test
    void aPartialCaptureFullyRefundedIsRefunded() {
        TransactionSummary summary = authorized(1000);
        summary = TransactionSummaries.fold(summary, payment.captured(300, 300, "EUR", T0));
        summary = TransactionSummaries.fold(summary, payment.refunded(300, 300, "EUR", T0));
        assertThat(summary.status()).isEqualTo(TransactionStatus.REFUNDED);
    }

    @Test
    void aNewAttemptAfterAFailureStartsAfresh() {
        TransactionSummary summary = TransactionSummaries.requested(payment.requested(1000, "EUR", T0));
        summary = TransactionSummaries.fold(summary, payment.failed("card.declined", T0.plusSeconds(1)));
        assertThat(summary.status()).isEqualTo(TransactionStatus.FAILED);
        assertThat(summary.errorCode()).isEqualTo("card.declined");

        summary = TransactionSummaries.fold(summary, payment.requested(1000, "EUR", T0.plusSeconds(2)));
        assertThat(summary).isEqualTo(new TransactionSummary("tr_1", TransactionStatus.PENDING, 1000, "EUR", 0, 0, 0,
                null, T0.plusSeconds(2)));

        summary = TransactionSummaries.fold(summary, payment.authorized(1000, "EUR", T0.plusSeconds(3)));
        assertThat(summary.status()).isEqualTo(TransactionStatus.AUTHORIZED);
        assertThat(summary.errorCode()).isNull();
    }

    @Test
    void aFailedCaptureVoidOrRefundKeepsTheStatusAndRecordsItsError() {
        TransactionSummary summary = TransactionSummaries.fold(authorized(1000),
                payment.captureFailed(1000, "EUR", "gateway.timeout", T0.plusSeconds(5)));
        assertThat(summary.status()).isEqualTo(TransactionStatus.AUTHORIZED);
        assertThat(summary.errorCode()).isEqualTo("gateway.timeout");
        assertThat(summary.updatedAt()).isEqualTo(T0.plusSeconds(5));

        summary = TransactionSummaries.fold(summary, payment.voidFailed("gateway.unavailable", T0.plusSeconds(6)));
        assertThat(summary.status()).isEqualTo(TransactionStatus.AUTHORIZED);
        assertThat(summary.errorCode()).isEqualTo("gateway.unavailable");

        summary = TransactionSummaries.fold(summary, payment.voided(T0.plusSeconds(7)));
        assertThat(summary.status()).isEqualTo(TransactionStatus.VOIDED);
        assertThat(summary.errorCode()).isNull();

        TransactionSummary captured = TransactionSummaries.fold(authorized(1000),
                payment.captured(1000, 1000, "EUR", T0));
        summary = TransactionSummaries.fold(captured, payment.refundFailed(100, "EUR", "refund.declined", T0));
        assertThat(summary.status()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(summary.refundedAmountMinor()).isZero();
        assertThat(summary.errorCode()).isEqualTo("refund.declined");
    }

    @Test
    void anExpiredAuthorizationShowsAsVoidedWithTheReason() {
        TransactionSummary summary = TransactionSummaries.fold(authorized(1000),
                TransactionAuthorizationExpiredEvent.newBuilder().setTransactionId(payment.transactionId())
                        .setProjectId(payment.projectId()).setInvoiceId(payment.invoiceId()).setAmount(1000)
                        .setCurrency("EUR").setExpiredAt(T0.plusSeconds(9)).build());
        assertThat(summary.status()).isEqualTo(TransactionStatus.VOIDED);
        assertThat(summary.errorCode()).isEqualTo("authorization.expired");
        assertThat(summary.authorizedAmountMinor()).isEqualTo(1000);
    }

    @Test
    void disputeStagesSetTheirStatuses() {
        TransactionSummary captured = TransactionSummaries.fold(authorized(1000), payment.captured(1000, 1000, "EUR", T0));
        TransactionSummary opened = TransactionSummaries.fold(captured, disputed("chargeback-opened"));
        assertThat(opened.status()).isEqualTo(TransactionStatus.CHARGEBACK_INITIATED);
        assertThat(TransactionSummaries.fold(opened, disputed("chargeback-won")).status())
                .isEqualTo(TransactionStatus.SOLVED);
        assertThat(TransactionSummaries.fold(opened, disputed("chargeback-lost")).status())
                .isEqualTo(TransactionStatus.REVERSED);
        assertThat(TransactionSummaries.fold(captured, disputed("retrieval-request")).status())
                .isEqualTo(TransactionStatus.RETRIEVAL_REQUEST);
        assertThat(TransactionSummaries.fold(captured, disputed("fraud-notification")).status())
                .isEqualTo(TransactionStatus.FRAUD_NOTIFICATION);
    }

    private TransactionDisputedEvent disputed(String stage) {
        return TransactionDisputedEvent.newBuilder().setTransactionId(payment.transactionId())
                .setProjectId(payment.projectId()).setInvoiceId(payment.invoiceId()).setNoticeId("sbx_dsp_" + stage)
                .setStage(stage).setAmount(1000).setCurrency("EUR").setOccurredAt(T0.plusSeconds(20)).build();
    }

    @Test
    void refusesWhatTheInvoiceCannotShow() {
        assertThatThrownBy(() -> TransactionSummaries.requested(payment.requested(-1, "EUR", T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionSummaries.requested(payment.requested(100, "XXX", T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionSummaries.fold(authorized(100),
                payment.operationStarted("capture", 100, "EUR", T0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(TransactionSummaries.FOLDED).doesNotContain(OperationStartedEvent.class);
    }

    private TransactionSummary authorized(long amount) {
        return TransactionSummaries.fold(TransactionSummaries.requested(payment.requested(amount, "EUR", T0)),
                payment.authorized(amount, "EUR", T0));
    }
}
