package io.smartrouter.payment.transaction.command;

import static io.smartrouter.payment.transaction.command.PaymentTests.NOW;
import static io.smartrouter.payment.transaction.command.PaymentTests.PROJECT;
import static io.smartrouter.payment.transaction.command.PaymentTests.TRANSACTION;
import static io.smartrouter.payment.transaction.command.PaymentTests.requested;

import io.smartrouter.payment.transaction.api.CompleteOperationCommand;
import io.smartrouter.payment.transaction.api.EndRoutingCommand;
import io.smartrouter.payment.transaction.api.OperationType;
import io.smartrouter.payment.transaction.api.StartOperationCommand;
import io.smartrouter.payment.transaction.api.StartedOperation;
import io.smartrouter.schemas.payment.AuthorizationAttemptFailedEvent;
import io.smartrouter.schemas.payment.LateAuthorizationApprovedEvent;
import io.smartrouter.schemas.payment.LateAuthorizationVoidedEvent;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionFailedEvent;
import io.smartrouter.schemas.payment.TransactionRoutedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several authorization attempts within one request, and late authorizations. */
class PaymentRoutingTests {

    FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    static StartOperationCommand attempt(String operationId, String gateway) {
        return new StartOperationCommand(TRANSACTION, PROJECT, operationId, OperationType.AUTHORIZATION, null, null,
                null, Map.of(), null, gateway, "scripted", null, null, NOW);
    }

    static OperationStartedEvent attemptStarted(String operationId, String gateway) {
        return OperationStartedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setOperationId(operationId).setType("authorization").setAmount(10_000)
                .setCurrency("EUR").setGatewayConfigurationId(gateway).setGatewayName("scripted").setStartedAt(NOW)
                .build();
    }

    static AuthorizationAttemptFailedEvent attemptFailed(String operationId, String gateway, String code) {
        return AuthorizationAttemptFailedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setOperationId(operationId).setGatewayConfigurationId(gateway)
                .setErrorCode(code).setFailedAt(NOW).build();
    }

    static TransactionFailedEvent failed(String operationId, String code) {
        return TransactionFailedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setOperationId(operationId).setErrorCode(code).setFailedAt(NOW).build();
    }

    static TransactionAuthorizedEvent authorizedBy(String operationId) {
        return TransactionAuthorizedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setOperationId(operationId).setAmount(10_000).setCurrency("EUR")
                .setGatewayReference("ref_" + operationId).setAuthorizationExpiresAt(NOW.plus(Duration.ofDays(7)))
                .setAuthorizedAt(NOW).build();
    }

    static TransactionRoutedEvent routed(List<String> tags, boolean ended) {
        return TransactionRoutedEvent.newBuilder().setTransactionId(TRANSACTION).setProjectId(PROJECT.value())
                .setInvoiceId("iv_test").setRoutingTags(tags).setEnded(ended).setRoutedAt(NOW).build();
    }

    static CompleteOperationCommand decline(String operationId, String code, boolean mayFallBack) {
        return new CompleteOperationCommand(TRANSACTION, operationId, false, null, code, NOW, mayFallBack);
    }

    @Test
    void aDeclineTheRouterFallsBackOnFailsOnlyTheAttemptAndTheNextOneMayStart() {
        fixture.given(requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"))
                .when(decline("tr_op_1", "card.do-not-honor", true))
                .expectEvents(attemptFailed("tr_op_1", "gway_a", "card.do-not-honor"));
        fixture.given(requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"),
                attemptFailed("tr_op_1", "gway_a", "card.do-not-honor"))
                .when(attempt("tr_op_2", "gway_b"))
                .expectEvents(attemptStarted("tr_op_2", "gway_b"))
                .expectResultMessagePayload(new StartedOperation("tr_op_2", 10_000, "EUR", null, "gway_b"));
    }

    @Test
    void theLastAttemptsDeclineFailsTheTransaction() {
        fixture.given(requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"),
                attemptFailed("tr_op_1", "gway_a", "card.do-not-honor"), attemptStarted("tr_op_2", "gway_b"))
                .when(decline("tr_op_2", "card.no-money", false))
                .expectEvents(failed("tr_op_2", "card.no-money"));
    }

    @Test
    void withAnAttemptLeftInFlightTheTransactionWaitsForItsResolution() {
        // tr_op_1 timed out (unknown, in flight); tr_op_2 is declined and the router has nothing left
        fixture.given(requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"), attemptStarted("tr_op_2", "gway_b"))
                .when(decline("tr_op_2", "card.no-money", false))
                .expectEvents(attemptFailed("tr_op_2", "gway_b", "card.no-money"), routed(List.of(), true));
        // the reconciler then finds tr_op_1 declined: now the transaction fails
        fixture.given(requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"), attemptStarted("tr_op_2", "gway_b"),
                attemptFailed("tr_op_2", "gway_b", "card.no-money"), routed(List.of(), true))
                .when(decline("tr_op_1", "gateway.not-received", false))
                .expectEvents(failed("tr_op_1", "gateway.not-received"));
    }

    @Test
    void aLeftBehindAttemptFoundApprovedWhileTheRouterStillWaitsAuthorizesTheTransaction() {
        fixture.given(requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"), attemptStarted("tr_op_2", "gway_b"),
                attemptFailed("tr_op_2", "gway_b", "card.no-money"), routed(List.of(), true))
                .when(new CompleteOperationCommand(TRANSACTION, "tr_op_1", true, "ref_tr_op_1", null, NOW))
                .expectEvents(authorizedBy("tr_op_1"));
    }

    @Test
    void anAttemptApprovedAfterAnotherAuthorizedIsLateAndIsVoidedOnItsOwnGateway() {
        var late = LateAuthorizationApprovedEvent.newBuilder().setTransactionId(TRANSACTION)
                .setProjectId(PROJECT.value()).setInvoiceId("iv_test").setOperationId("tr_op_1")
                .setGatewayConfigurationId("gway_a").setGatewayReference("ref_late").setAmount(10_000)
                .setCurrency("EUR").setApprovedAt(NOW).build();
        Object[] history = {requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"),
            attemptStarted("tr_op_2", "gway_b"), authorizedBy("tr_op_2")};
        fixture.given(history)
                .when(new CompleteOperationCommand(TRANSACTION, "tr_op_1", true, "ref_late", null, NOW))
                .expectEvents(late);

        var voidOfLate = new StartOperationCommand(TRANSACTION, null, "tr_op_v", OperationType.VOID, null, null, null,
                Map.of(), null, null, null, "tr_op_1", null, NOW);
        var voidStarted = OperationStartedEvent.newBuilder().setTransactionId(TRANSACTION)
                .setProjectId(PROJECT.value()).setInvoiceId("iv_test").setOperationId("tr_op_v").setType("void")
                .setAmount(0).setCurrency("EUR").setGatewayConfigurationId("gway_a").setGatewayName("scripted")
                .setAuthorizationReference("ref_late").setTargetOperationId("tr_op_1").setStartedAt(NOW).build();
        fixture.given(history).andGiven(late).when(voidOfLate).expectEvents(voidStarted)
                .expectResultMessagePayload(new StartedOperation("tr_op_v", 0, "EUR", "ref_late", "gway_a"));
        fixture.given(history).andGiven(late, voidStarted).when(voidOfLate)
                .expectException(CommandExecutionException.class);
        fixture.given(history).andGiven(late, voidStarted)
                .when(new CompleteOperationCommand(TRANSACTION, "tr_op_v", true, null, null, NOW))
                .expectEvents(LateAuthorizationVoidedEvent.newBuilder().setTransactionId(TRANSACTION)
                        .setProjectId(PROJECT.value()).setInvoiceId("iv_test").setOperationId("tr_op_v")
                        .setAttemptOperationId("tr_op_1").setCompletedAt(NOW).build());
    }

    @Test
    void capturesGoToTheAuthorizingAttemptsGatewayWhateverIsAsked() {
        fixture.given(requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"),
                attemptFailed("tr_op_1", "gway_a", "card.do-not-honor"), attemptStarted("tr_op_2", "gway_b"),
                authorizedBy("tr_op_2"))
                .when(new StartOperationCommand(TRANSACTION, PROJECT, "tr_op_c", OperationType.CAPTURE, null, null,
                        null, Map.of(), null, "sandbox", NOW))
                .expectResultMessagePayload(new StartedOperation("tr_op_c", 10_000, "EUR", "ref_tr_op_2", "gway_b"));
    }

    @Test
    void endingRoutingWithNothingInFlightFailsTheRequestAndAfterwardsNoAttemptStarts() {
        fixture.given(requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"),
                attemptFailed("tr_op_1", "gway_a", "gateway.unavailable"))
                .when(new EndRoutingCommand(TRANSACTION, "gateway.unavailable", NOW))
                .expectEvents(TransactionFailedEvent.newBuilder().setTransactionId(TRANSACTION)
                        .setProjectId(PROJECT.value()).setInvoiceId("iv_test").setErrorCode("gateway.unavailable")
                        .setMessage("No gateway could authorize the payment").setFailedAt(NOW).build());
        fixture.given(requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"), routed(List.of(), true))
                .when(attempt("tr_op_2", "gway_b")).expectException(CommandExecutionException.class);
    }

    @Test
    void anAttemptRecordsTheRequestsRoutingTagsFirstWhenTheyChanged() {
        var tagged = new StartOperationCommand(TRANSACTION, PROJECT, "tr_op_1", OperationType.AUTHORIZATION, null, null,
                null, Map.of(), null, "gway_a", "scripted", null, List.of("rule:eu"), NOW);
        fixture.given(requested("tr_op_req")).when(tagged)
                .expectEvents(routed(List.of("rule:eu"), false), attemptStarted("tr_op_1", "gway_a"));
        fixture.given(requested("tr_op_req"), routed(List.of("rule:eu"), false)).when(tagged)
                .expectEvents(attemptStarted("tr_op_1", "gway_a"));
    }

    @Test
    void anAttemptRefusedRecordsNoRoutingTags() {
        var tagged = new StartOperationCommand(TRANSACTION, PROJECT, "tr_op_2", OperationType.AUTHORIZATION, null, null,
                null, Map.of(), null, "gway_b", "scripted", null, List.of("rule:eu", "skipped:gway_a:circuit-open"), NOW);
        fixture.given(requested("tr_op_req"), attemptStarted("tr_op_1", "gway_a"), routed(List.of(), true))
                .when(tagged).expectException(CommandExecutionException.class).expectNoEvents();
    }
}
