package io.smartrouter.payment.transaction.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import io.smartrouter.payment.transaction.api.CompleteOperationCommand;
import io.smartrouter.payment.transaction.api.CompleteThreeDSecureCommand;
import io.smartrouter.payment.transaction.api.CreatePaymentCommand;
import io.smartrouter.payment.transaction.api.ExpireAuthorizationCommand;
import io.smartrouter.payment.transaction.api.FailRequestCommand;
import io.smartrouter.payment.transaction.api.OperationType;
import io.smartrouter.payment.transaction.api.PaymentErrorCode;
import io.smartrouter.payment.transaction.api.RecordDisputeCommand;
import io.smartrouter.payment.transaction.api.RequestPaymentCommand;
import io.smartrouter.payment.transaction.api.RequireThreeDSecureCommand;
import io.smartrouter.payment.transaction.api.StartOperationCommand;
import io.smartrouter.payment.transaction.api.StartedOperation;
import io.smartrouter.platform.error.ErrorCode;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.money.Money;
import io.smartrouter.schemas.payment.CaptureFailedEvent;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import io.smartrouter.schemas.payment.RefundFailedEvent;
import io.smartrouter.schemas.payment.ThreeDSecureCompletedEvent;
import io.smartrouter.schemas.payment.ThreeDSecureRequiredEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizationExpiredEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.payment.TransactionDisputedEvent;
import io.smartrouter.schemas.payment.TransactionFailedEvent;
import io.smartrouter.schemas.payment.TransactionRefundedEvent;
import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import io.smartrouter.schemas.payment.TransactionVoidedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTests {

    static final String TRANSACTION = "tr_test";
    static final ProjectId PROJECT = new ProjectId("test-proj_demo");
    static final ProjectId OTHER = new ProjectId("test-proj_other");
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    static RequestPaymentCommand request(String operationId) {
        return new RequestPaymentCommand(TRANSACTION, PROJECT, "iv_test", Money.parse("100.00", "EUR"), "cit",
                "card_test", null, null, null, operationId, NOW, null);
    }

    static TransactionRequestedEvent requested(String operationId) {
        return TransactionRequestedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setOperationId(operationId).setAmount(10_000).setCurrency("EUR")
                .setInitiationType("cit").setCardId("card_test").setRequestedAt(NOW).build();
    }

    static StartOperationCommand start(String operationId, OperationType type, Long amount, Instant at) {
        return new StartOperationCommand(TRANSACTION, PROJECT, operationId, type, amount,
                type == OperationType.REFUND ? "refd_" + operationId : null, null, Map.of(), null, "sandbox", at);
    }

    static OperationStartedEvent started(String operationId, OperationType type, long amount) {
        return OperationStartedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setOperationId(operationId).setType(type.wire()).setAmount(amount)
                .setCurrency("EUR").setGatewayConfigurationId("sandbox")
                .setRefundId(type == OperationType.REFUND ? "refd_" + operationId : null).setStartedAt(NOW).build();
    }

    static TransactionAuthorizedEvent authorized() {
        return TransactionAuthorizedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setOperationId("tr_op_auth").setAmount(10_000).setCurrency("EUR")
                .setGatewayReference("sbx_1").setAuthorizationExpiresAt(NOW.plus(Duration.ofDays(7)))
                .setAuthorizedAt(NOW).build();
    }

    static TransactionCapturedEvent captured(String operationId, long amount, long total) {
        return TransactionCapturedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setOperationId(operationId).setAmount(amount).setCapturedAmount(total)
                .setCurrency("EUR").setCapturedAt(NOW).build();
    }

    static CompleteOperationCommand approve(String operationId) {
        return new CompleteOperationCommand(TRANSACTION, operationId, true, "sbx_ref", null, NOW);
    }

    static CompleteOperationCommand decline(String operationId, String code) {
        return new CompleteOperationCommand(TRANSACTION, operationId, false, null, code, NOW);
    }

    Object[] authorizedHistory() {
        return new Object[] {requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000),
            authorized()};
    }

    void expectRejected(Object command, ErrorCode code, Object... given) {
        fixture.given(given).when(command).expectNoEvents().expectException(CommandExecutionException.class)
                .expectExceptionDetails(code);
    }

    @Test
    void theFirstRequestCreatesTheTransaction() {
        fixture.givenNoPriorActivity().when(request("tr_op_req")).expectEvents(requested("tr_op_req"));
    }

    /** A request under an id nothing was recorded under creates the transaction without looking for it first. */
    @Test
    void aCreationIsTheFirstRequestWithItsAttempt() {
        fixture.givenNoPriorActivity()
                .when(new CreatePaymentCommand(request("tr_op_req").withFirstAttempt(
                        start("tr_op_auth", OperationType.AUTHORIZATION, null, NOW))))
                .expectResultMessagePayload(new StartedOperation("tr_op_auth", 10_000, "EUR", null, "sandbox"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(TransactionRequestedEvent.class),
                        allOf(instanceOf(OperationStartedEvent.class), hasProperty("operationId", is("tr_op_auth"))),
                        andNoMore())));
        assertThatThrownBy(() -> new CreatePaymentCommand("tr_other", request("tr_op_req")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondRequestWhileOneIsInProgressIsRefused() {
        expectRejected(request("tr_op_2"), PaymentErrorCode.IN_PROGRESS, requested("tr_op_req"));
    }

    @Test
    void anAuthorizedInvoiceCannotBeAuthorizedAgain() {
        expectRejected(request("tr_op_2"), PaymentErrorCode.ALREADY_AUTHORIZED, authorizedHistory());
    }

    @Test
    void startingTheAuthorizationReservesTheInvoiceAmountAndAnswersIt() {
        fixture.given(requested("tr_op_req"))
                .when(start("tr_op_auth", OperationType.AUTHORIZATION, null, NOW))
                .expectResultMessagePayload(new StartedOperation("tr_op_auth", 10_000, "EUR", null, "sandbox"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(allOf(instanceOf(OperationStartedEvent.class),
                        hasProperty("type", is("authorization")), hasProperty("amount", is(10_000L))), andNoMore())));
    }

    @Test
    void aRequestWithItsFirstAttemptCreatesTheTransactionAndStartsTheAttemptInOneCommand() {
        fixture.givenNoPriorActivity()
                .when(request("tr_op_req").withFirstAttempt(start("tr_op_auth", OperationType.AUTHORIZATION, null, NOW)))
                .expectResultMessagePayload(new StartedOperation("tr_op_auth", 10_000, "EUR", null, "sandbox"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(TransactionRequestedEvent.class),
                        allOf(instanceOf(OperationStartedEvent.class), hasProperty("operationId", is("tr_op_auth")),
                                hasProperty("amount", is(10_000L))), andNoMore())));
    }

    @Test
    void aRefusedRequestStartsNoAttempt() {
        expectRejected(request("tr_op_2").withFirstAttempt(start("tr_op_a2", OperationType.AUTHORIZATION, null, NOW)),
                PaymentErrorCode.ALREADY_AUTHORIZED, authorizedHistory());
        assertThatThrownBy(() -> request("tr_op_2").withFirstAttempt(start("tr_op_c", OperationType.CAPTURE, null, NOW)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anApprovedAuthorizationAuthorizesForSevenDays() {
        fixture.given(requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000))
                .when(new CompleteOperationCommand(TRANSACTION, "tr_op_auth", true, "sbx_1", null, NOW))
                .expectEvents(authorized());
    }

    @Test
    void aDeclineFailsTheAttemptAndAllowsANewOne() {
        fixture.given(requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000))
                .when(decline("tr_op_auth", "card.declined"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(allOf(instanceOf(TransactionFailedEvent.class),
                        hasProperty("errorCode", is("card.declined"))), andNoMore())));
        fixture.given(requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000),
                TransactionFailedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                        .setInvoiceId("iv_test").setOperationId("tr_op_auth").setErrorCode("card.declined")
                        .setFailedAt(NOW).build())
                .when(request("tr_op_req2"))
                .expectEvents(requested("tr_op_req2"));
    }

    @Test
    void aSourceThatCannotBeUsedFailsTheAttemptBeforeThePsp() {
        fixture.given(requested("tr_op_req"))
                .when(new FailRequestCommand(TRANSACTION, "request.source.already-used", "used", NOW))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(allOf(instanceOf(TransactionFailedEvent.class),
                        hasProperty("operationId", is((Object) null))), andNoMore())));
    }

    @Test
    void completingAnOperationTwiceChangesNothingTheSecondTime() {
        fixture.given(authorizedHistory()).when(approve("tr_op_auth")).expectNoEvents();
        fixture.given(authorizedHistory()).when(approve("tr_op_unknown")).expectNoEvents();
    }

    @Test
    void capturesPartiallyThenTheRest() {
        fixture.given(authorizedHistory())
                .when(start("tr_op_c1", OperationType.CAPTURE, 4_000L, NOW))
                .expectResultMessagePayload(new StartedOperation("tr_op_c1", 4_000, "EUR", "sbx_1", "sandbox"));
        fixture.given(authorizedHistory()).andGiven(started("tr_op_c1", OperationType.CAPTURE, 4_000))
                .when(approve("tr_op_c1"))
                .expectEvents(captured("tr_op_c1", 4_000, 4_000));
        fixture.given(authorizedHistory()).andGiven(started("tr_op_c1", OperationType.CAPTURE, 4_000),
                        captured("tr_op_c1", 4_000, 4_000))
                .when(start("tr_op_c2", OperationType.CAPTURE, null, NOW))
                .expectResultMessagePayload(new StartedOperation("tr_op_c2", 6_000, "EUR", "sbx_1", "sandbox"));
    }

    @Test
    void concurrentCapturesNeverReserveMoreThanAuthorized() {
        expectRejected(start("tr_op_c2", OperationType.CAPTURE, 6_001L, NOW), PlatformErrorCode.INVALID_AMOUNT,
                requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000), authorized(),
                started("tr_op_c1", OperationType.CAPTURE, 4_000));
        expectRejected(start("tr_op_c3", OperationType.CAPTURE, 10_001L, NOW), PlatformErrorCode.INVALID_AMOUNT,
                authorizedHistory());
        expectRejected(start("tr_op_c4", OperationType.CAPTURE, 0L, NOW), PlatformErrorCode.INVALID_AMOUNT,
                authorizedHistory());
    }

    @Test
    void aFailedCaptureReleasesItsReservation() {
        fixture.given(authorizedHistory()).andGiven(started("tr_op_c1", OperationType.CAPTURE, 10_000))
                .when(decline("tr_op_c1", "gateway.capture-declined"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(CaptureFailedEvent.class),
                        andNoMore())));
        fixture.given(authorizedHistory()).andGiven(started("tr_op_c1", OperationType.CAPTURE, 10_000),
                        CaptureFailedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                                .setInvoiceId("iv_test").setOperationId("tr_op_c1").setAmount(10_000)
                                .setCurrency("EUR").setErrorCode("gateway.capture-declined").setFailedAt(NOW).build())
                .when(start("tr_op_c2", OperationType.CAPTURE, null, NOW))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anExpiredAuthorizationCannotBeCaptured() {
        expectRejected(start("tr_op_c1", OperationType.CAPTURE, null, NOW.plus(Duration.ofDays(8))),
                PaymentErrorCode.AUTHORIZATION_EXPIRED, authorizedHistory());
    }

    @Test
    void capturingWithoutAuthorizationIsRefused() {
        expectRejected(start("tr_op_c1", OperationType.CAPTURE, null, NOW), PaymentErrorCode.NOT_AUTHORIZED,
                requested("tr_op_req"));
    }

    @Test
    void voidsAnUncapturedAuthorizationAndThenNothingCanBeCaptured() {
        fixture.given(authorizedHistory()).andGiven(started("tr_op_v", OperationType.VOID, 0))
                .when(approve("tr_op_v"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(TransactionVoidedEvent.class),
                        andNoMore())));
        var voided = TransactionVoidedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setOperationId("tr_op_v").setVoidedAt(NOW).build();
        expectRejected(start("tr_op_c", OperationType.CAPTURE, null, NOW), PaymentErrorCode.VOIDED,
                requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000), authorized(),
                started("tr_op_v", OperationType.VOID, 0), voided);
    }

    @Test
    void aCapturedAuthorizationCannotBeVoided() {
        expectRejected(start("tr_op_v", OperationType.VOID, null, NOW), PaymentErrorCode.ALREADY_CAPTURED,
                requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000), authorized(),
                started("tr_op_c", OperationType.CAPTURE, 10_000), captured("tr_op_c", 10_000, 10_000));
    }

    @Test
    void refundsUpToTheCapturedAmountCountingRefundsInFlight() {
        Object[] capturedHistory = {requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000),
            authorized(), started("tr_op_c", OperationType.CAPTURE, 8_000), captured("tr_op_c", 8_000, 8_000)};
        fixture.given(capturedHistory).andGiven(started("tr_op_r1", OperationType.REFUND, 3_000))
                .when(approve("tr_op_r1"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(allOf(instanceOf(TransactionRefundedEvent.class),
                        hasProperty("refundedAmount", is(3_000L)), hasProperty("refundId", is("refd_tr_op_r1"))),
                        andNoMore())));
        fixture.given(capturedHistory).andGiven(started("tr_op_r1", OperationType.REFUND, 3_000))
                .when(start("tr_op_r2", OperationType.REFUND, 5_001L, NOW))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(PlatformErrorCode.INVALID_AMOUNT);
        fixture.given(capturedHistory).andGiven(started("tr_op_r1", OperationType.REFUND, 3_000))
                .when(decline("tr_op_r1", "gateway.refund-declined"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(RefundFailedEvent.class),
                        andNoMore())));
    }

    @Test
    void anOpenOrLostChargebackRefusesRefundsAndAWonOneAllowsThemAgain() {
        Object[] capturedHistory = {requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000),
            authorized(), started("tr_op_c", OperationType.CAPTURE, 10_000), captured("tr_op_c", 10_000, 10_000)};
        var refund = start("tr_op_r", OperationType.REFUND, 1_000L, NOW);
        fixture.given(capturedHistory).andGiven(dispute("sbx_1", "chargeback-opened"))
                .when(refund).expectNoEvents().expectExceptionDetails(PaymentErrorCode.DISPUTED);
        fixture.given(capturedHistory).andGiven(dispute("sbx_1", "chargeback-opened"), dispute("sbx_2", "chargeback-lost"))
                .when(refund).expectNoEvents().expectExceptionDetails(PaymentErrorCode.DISPUTED);
        fixture.given(capturedHistory).andGiven(dispute("sbx_1", "chargeback-opened"), dispute("sbx_2", "chargeback-won"))
                .when(refund).expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(OperationStartedEvent.class), andNoMore())));
        // A fraud notification or a retrieval request is no chargeback: refunding then is what a merchant should do.
        fixture.given(capturedHistory).andGiven(dispute("sbx_1", "fraud-notification"))
                .when(refund).expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(OperationStartedEvent.class), andNoMore())));
    }

    static TransactionDisputedEvent dispute(String noticeId, String stage) {
        return TransactionDisputedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setNoticeId(noticeId).setStage(stage).setAmount(10_000).setCurrency("EUR")
                .setOccurredAt(NOW).build();
    }

    @Test
    void aCaptureOperationIdIsAcceptedOnce() {
        fixture.given(authorizedHistory()).andGiven(started("tr_op_c", OperationType.CAPTURE, 1_000),
                        captured("tr_op_c", 1_000, 1_000))
                .when(start("tr_op_c", OperationType.CAPTURE, 1_000L, NOW))
                .expectNoEvents().expectExceptionDetails(PaymentErrorCode.IN_PROGRESS);
    }

    @Test
    void aRefundIdIsAcceptedOnce() {
        Object[] capturedHistory = {requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000),
            authorized(), started("tr_op_c", OperationType.CAPTURE, 10_000), captured("tr_op_c", 10_000, 10_000)};
        var again = new StartOperationCommand(TRANSACTION, PROJECT, "tr_op_r2", OperationType.REFUND, 1_000L,
                "refd_tr_op_r1", null, Map.of(), null, "sandbox", NOW);
        fixture.given(capturedHistory).andGiven(started("tr_op_r1", OperationType.REFUND, 1_000))
                .when(again).expectNoEvents().expectExceptionDetails(PaymentErrorCode.IN_PROGRESS);
    }

    @Test
    void nothingCapturedMeansNothingToRefund() {
        expectRejected(start("tr_op_r", OperationType.REFUND, 100L, NOW), PaymentErrorCode.NOT_CAPTURED,
                authorizedHistory());
    }

    @Test
    void anUncapturedAuthorizationExpiresAfterSevenDaysOnly() {
        fixture.given(authorizedHistory())
                .when(new ExpireAuthorizationCommand(TRANSACTION, NOW.plus(Duration.ofDays(7))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(allOf(
                        instanceOf(TransactionAuthorizationExpiredEvent.class), hasProperty("amount", is(10_000L))),
                        andNoMore())));
        fixture.given(authorizedHistory())
                .when(new ExpireAuthorizationCommand(TRANSACTION, NOW.plus(Duration.ofDays(6))))
                .expectNoEvents();
        fixture.given(authorizedHistory()).andGiven(started("tr_op_c", OperationType.CAPTURE, 1_000),
                        captured("tr_op_c", 1_000, 1_000))
                .when(new ExpireAuthorizationCommand(TRANSACTION, NOW.plus(Duration.ofDays(8))))
                .expectNoEvents();
        expectRejected(request("tr_op_again"), PaymentErrorCode.AUTHORIZATION_EXPIRED, requested("tr_op_req"),
                started("tr_op_auth", OperationType.AUTHORIZATION, 10_000), authorized(),
                TransactionAuthorizationExpiredEvent.newBuilder().setTransactionId(TRANSACTION)
                        .setProjectId(PROJECT.value()).setInvoiceId("iv_test").setAmount(10_000).setCurrency("EUR")
                        .setExpiredAt(NOW.plus(Duration.ofDays(7))).build());
    }

    @Test
    void recordsEachDisputeNoticeOnceAndOnlyOnCapturedPayments() {
        var notice = new RecordDisputeCommand(TRANSACTION, "sbx_dsp_1", "chargeback-opened", 10_000, NOW);
        var disputed = TransactionDisputedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setNoticeId("sbx_dsp_1").setStage("chargeback-opened").setAmount(10_000)
                .setCurrency("EUR").setOccurredAt(NOW).build();
        fixture.given(authorizedHistory()).andGiven(started("tr_op_c", OperationType.CAPTURE, 10_000),
                        captured("tr_op_c", 10_000, 10_000))
                .when(notice).expectEvents(disputed);
        fixture.given(authorizedHistory()).andGiven(started("tr_op_c", OperationType.CAPTURE, 10_000),
                        captured("tr_op_c", 10_000, 10_000), disputed)
                .when(notice).expectNoEvents();
        fixture.given(authorizedHistory()).when(notice).expectNoEvents();
    }

    @Test
    void anAuthorizationWaitsForThreeDSecureAndTakesOneResult() {
        var required = ThreeDSecureRequiredEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setOperationId("tr_op_auth").setChallengeUrl("/three-d-s/tr_op_auth")
                .setRequiredAt(NOW).build();
        fixture.given(requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000))
                .when(new RequireThreeDSecureCommand(TRANSACTION, "tr_op_auth", "/three-d-s/tr_op_auth", NOW))
                .expectEvents(required);
        fixture.given(requested("tr_op_req"), started("tr_op_auth", OperationType.AUTHORIZATION, 10_000), required)
                .when(new CompleteThreeDSecureCommand(TRANSACTION, PROJECT, "tr_op_auth", true, NOW))
                .expectEvents(ThreeDSecureCompletedEvent.newBuilder().setTransactionId(TRANSACTION)
                        .setProjectId(PROJECT.value()).setInvoiceId("iv_test").setOperationId("tr_op_auth")
                        .setPassed(true).setCompletedAt(NOW).build());
        expectRejected(new CompleteThreeDSecureCommand(TRANSACTION, PROJECT, "tr_op_auth", true, NOW),
                PaymentErrorCode.NO_THREE_D_SECURE, requested("tr_op_req"),
                started("tr_op_auth", OperationType.AUTHORIZATION, 10_000));
        expectRejected(new CompleteThreeDSecureCommand(TRANSACTION, OTHER, "tr_op_auth", true, NOW),
                PaymentErrorCode.TRANSACTION_NOT_FOUND, requested("tr_op_req"),
                started("tr_op_auth", OperationType.AUTHORIZATION, 10_000), required);
    }

    @Test
    void anotherProjectCannotTouchTheTransaction() {
        expectRejected(new StartOperationCommand(TRANSACTION, OTHER, "tr_op_x", OperationType.CAPTURE, null, null,
                null, Map.of(), null, "sandbox", NOW), PaymentErrorCode.TRANSACTION_NOT_FOUND, authorizedHistory());
        expectRejected(new RequestPaymentCommand(TRANSACTION, OTHER, "iv_test", Money.parse("1.00", "EUR"), "cit",
                "card_x", null, null, null, "tr_op_x", NOW, null), PaymentErrorCode.TRANSACTION_NOT_FOUND, requested("tr_op_req"));
    }
}
