package io.smartrouter.payment.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.connector.OperationOutcome.Approved;
import io.smartrouter.payment.connector.OperationOutcome.Declined;
import io.smartrouter.payment.connector.PaymentOperations.AuthorizationRequest;
import io.smartrouter.payment.connector.PaymentOperations.CaptureRequest;
import io.smartrouter.payment.connector.PaymentOperations.RefundRequest;
import io.smartrouter.payment.connector.PaymentOperations.VoidRequest;
import io.smartrouter.platform.card.Cvc;
import io.smartrouter.platform.card.Pan;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.money.Money;
import io.smartrouter.platform.testing.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What every PSP connector must do, whatever its PSP: a subclass supplies the connector and cards its PSP treats as
 * documented, and inherits these tests. The assertions hold for any connector, so they check kinds of outcomes
 * (approved, declined) and their effect on later operations, never a PSP's own codes or references.
 */
public abstract class PaymentConnectorContractTests {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    protected static final int THREADS = 8;

    /** The connector under test; the same instance for the whole of one test. */
    protected abstract PaymentConnector connector();

    /** A card the PSP authorizes and lets capture and refund. */
    protected abstract ConnectorCard approvedCard();

    /** A card whose authorization the PSP declines. */
    protected abstract ConnectorCard declinedCard();

    /** The amount of the authorizations in these tests; 10.00 USD unless the PSP needs another. */
    protected Money authorizedAmount() {
        return Money.ofMinor(10_00, "USD");
    }

    @Test
    void authorizesCapturesAndRefunds() {
        String reference = authorized();

        assertApproved(capture(reference, authorizedAmount()));
        assertApproved(refund(reference, part(40)));
        assertApproved(refund(reference, part(60)));
    }

    @Test
    void declinesWhatTheIssuerRefuses() {
        OperationOutcome outcome = send(connector().authorize(authorization(newOperationId(), declinedCard())));

        assertThat(outcome).isInstanceOf(Declined.class);
        assertThat(((Declined) outcome).code()).isNotBlank();
    }

    @Test
    void partialCapturesAddUpToTheAuthorizedAmount() {
        String reference = authorized();

        assertApproved(capture(reference, part(30)));
        assertApproved(capture(reference, part(70)));
        assertDeclined(capture(reference, Money.ofMinor(1, authorizedAmount().currencyCode())));
    }

    @Test
    void replayingAnAuthorizationAnswersTheFirstOutcome() {
        AuthorizationRequest request = authorization(newOperationId(), approvedCard());

        OperationOutcome first = send(connector().authorize(request));
        OperationOutcome replay = send(connector().authorize(request));

        assertApproved(first);
        assertThat(replay).isEqualTo(first);
    }

    @Test
    void replayingACaptureDoesNotCaptureTwice() {
        String reference = authorized();
        CaptureRequest capture = new CaptureRequest(newOperationId(), reference, part(60));

        OperationOutcome first = send(connector().capture(capture));
        OperationOutcome replay = send(connector().capture(capture));

        assertApproved(first);
        assertThat(replay).isEqualTo(first);
        // 60% counted twice would leave no room for the other 40%.
        assertApproved(capture(reference, part(40)));
        assertDeclined(capture(reference, Money.ofMinor(1, authorizedAmount().currencyCode())));
    }

    @Test
    void replayingARefundDoesNotRefundTwice() {
        String reference = authorized();
        assertApproved(capture(reference, authorizedAmount()));
        RefundRequest refund = new RefundRequest(newOperationId(), reference, part(60));

        OperationOutcome first = send(connector().refund(refund));
        OperationOutcome replay = send(connector().refund(refund));

        assertApproved(first);
        assertThat(replay).isEqualTo(first);
        assertApproved(refund(reference, part(40)));
    }

    @Test
    void refusesToCaptureMoreThanAuthorized() {
        String reference = authorized();

        assertDeclined(capture(reference, authorizedAmount().plus(Money.ofMinor(1, authorizedAmount().currencyCode()))));
        assertApproved(capture(reference, authorizedAmount()));
    }

    @Test
    void refusesToRefundMoreThanCaptured() {
        String reference = authorized();
        assertApproved(capture(reference, part(50)));

        assertDeclined(refund(reference, part(60)));
        assertApproved(refund(reference, part(30)));
        assertDeclined(refund(reference, part(30)));
        assertApproved(refund(reference, part(20)));
    }

    @Test
    void refusesToRefundWhatWasNotCaptured() {
        assertDeclined(refund(authorized(), part(10)));
    }

    @Test
    void refusesToCaptureAVoidedAuthorization() {
        String reference = authorized();

        assertApproved(voidAuthorization(reference));
        assertDeclined(capture(reference, authorizedAmount()));
    }

    @Test
    void refusesToVoidACapturedAuthorization() {
        String reference = authorized();
        assertApproved(capture(reference, part(50)));

        assertDeclined(voidAuthorization(reference));
        assertApproved(capture(reference, part(50)));
    }

    @Test
    void refusesOperationsOnAnAuthorizationItNeverIssued() {
        String unknown = Ids.newId("unknown_");

        assertDeclined(capture(unknown, authorizedAmount()));
        assertDeclined(voidAuthorization(unknown));
        assertDeclined(refund(unknown, authorizedAmount()));
    }

    @Test
    void statusFindsTheOutcomeOfEachOperationSent() {
        AuthorizationRequest authorize = authorization(newOperationId(), approvedCard());
        OperationOutcome authorized = send(connector().authorize(authorize));
        CaptureRequest capture = new CaptureRequest(newOperationId(), ((Approved) authorized).reference(), part(50));
        OperationOutcome captured = send(connector().capture(capture));
        AuthorizationRequest decline = authorization(newOperationId(), declinedCard());
        OperationOutcome declined = send(connector().authorize(decline));

        assertThat(status(authorize.operationId())).contains(authorized);
        assertThat(status(capture.operationId())).contains(captured);
        assertThat(status(decline.operationId())).contains(declined);
    }

    @Test
    void statusIsEmptyForAnOperationNeverSent() {
        assertThat(status(newOperationId())).isEmpty();
    }

    @Test
    void doesNothingUntilSubscribed() {
        AuthorizationRequest request = authorization(newOperationId(), approvedCard());

        Mono<OperationOutcome> unsubscribed = connector().authorize(request);

        assertThat(unsubscribed).isNotNull();
        assertThat(status(request.operationId())).isEmpty();
    }

    @Test
    void answersOffTheCallersThread() {
        Thread caller = Thread.currentThread();

        Thread answeredOn = connector().authorize(authorization(newOperationId(), approvedCard()))
                .map(outcome -> Thread.currentThread())
                .block(TIMEOUT);

        assertThat(answeredOn).isNotSameAs(caller);
    }

    @Test
    void concurrentDuplicatesOfAnAuthorizationAuthorizeOnce() throws Exception {
        AuthorizationRequest request = authorization(newOperationId(), approvedCard());

        List<OperationOutcome> outcomes = concurrently(connector -> connector.authorize(request));

        assertApproved(outcomes.get(0));
        assertThat(outcomes).containsOnly(outcomes.get(0));
    }

    @Test
    void concurrentDuplicatesOfACaptureCaptureOnce() throws Exception {
        String reference = authorized();
        CaptureRequest capture = new CaptureRequest(newOperationId(), reference, part(40));

        List<OperationOutcome> outcomes = concurrently(connector -> connector.capture(capture));

        assertApproved(outcomes.get(0));
        assertThat(outcomes).containsOnly(outcomes.get(0));
        assertApproved(capture(reference, part(60)));
    }

    @Test
    void concurrentCapturesNeverExceedTheAuthorizedAmount() throws Exception {
        String reference = authorized();
        Money quarter = part(25);

        List<OperationOutcome> outcomes = concurrently(
                connector -> connector.capture(new CaptureRequest(newOperationId(), reference, quarter)));

        assertThat(outcomes).filteredOn(Approved.class::isInstance).hasSize(4);
        assertThat(outcomes).filteredOn(Declined.class::isInstance).hasSize(THREADS - 4);
    }

    // Helpers for subclasses' own tests, too.

    protected static String newOperationId() {
        return Ids.newId("tr_op_");
    }

    protected static ConnectorCard card(String number) {
        return new ConnectorCard(Pan.parse(number), Cvc.parse("123"), 12, 2034, "Test Holder");
    }

    protected AuthorizationRequest authorization(String operationId, ConnectorCard card) {
        return new AuthorizationRequest(operationId, Ids.newId("tr_"), authorizedAmount(), card, "cit");
    }

    /** Authorizes {@link #authorizedAmount()} on {@link #approvedCard()}; the PSP's reference for it. */
    protected String authorized() {
        OperationOutcome outcome = send(connector().authorize(authorization(newOperationId(), approvedCard())));
        assertApproved(outcome);
        return ((Approved) outcome).reference();
    }

    protected OperationOutcome capture(String reference, Money amount) {
        return send(connector().capture(new CaptureRequest(newOperationId(), reference, amount)));
    }

    protected OperationOutcome voidAuthorization(String reference) {
        return send(connector().voidAuthorization(new VoidRequest(newOperationId(), reference)));
    }

    protected OperationOutcome refund(String reference, Money amount) {
        return send(connector().refund(new RefundRequest(newOperationId(), reference, amount)));
    }

    protected Optional<OperationOutcome> status(String operationId) {
        return connector().status(operationId).block(TIMEOUT);
    }

    /** {@code percent} % of {@link #authorizedAmount()}. */
    protected Money part(int percent) {
        Money amount = authorizedAmount();
        return Money.ofMinor(amount.minorUnits() * percent / 100, amount.currencyCode());
    }

    protected static OperationOutcome send(Mono<OperationOutcome> operation) {
        return operation.block(TIMEOUT);
    }

    protected static void assertApproved(OperationOutcome outcome) {
        assertThat(outcome).isInstanceOf(Approved.class);
        assertThat(((Approved) outcome).reference()).isNotBlank();
    }

    protected static void assertDeclined(OperationOutcome outcome) {
        assertThat(outcome).isInstanceOf(Declined.class);
    }

    /** {@link #THREADS} threads, released together, each sending {@code operation} and waiting for its outcome. */
    protected List<OperationOutcome> concurrently(Function<PaymentConnector, Mono<OperationOutcome>> operation)
            throws Exception {
        return Concurrently.times(THREADS, () -> send(operation.apply(connector())));
    }
}
