package io.smartrouter.payment.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.payment.connector.ConnectorCard;
import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.connector.OperationOutcome.Approved;
import io.smartrouter.payment.connector.OperationOutcome.Declined;
import io.smartrouter.payment.connector.OperationOutcome.ThreeDSecureRequired;
import io.smartrouter.payment.connector.OperationOutcome.Unknown;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentConnectorContractTests;
import io.smartrouter.payment.connector.PaymentOperations.AuthorizationRequest;
import io.smartrouter.payment.connector.PaymentOperations.CaptureRequest;
import io.smartrouter.payment.connector.PaymentOperations.DisputeNotice;
import io.smartrouter.payment.connector.PaymentOperations.DisputeStage;
import io.smartrouter.platform.card.Cvc;
import io.smartrouter.platform.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import reactor.test.StepVerifier;

/** The sandbox PSP against the shared connector contract, plus API.md's test cards, on an in-memory H2 ledger. */
class SandboxConnectorTests extends PaymentConnectorContractTests {

    private static final String APPROVED = "approved";

    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private SandboxConnector connector;

    @BeforeEach
    void sandbox() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:sandbox-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        connector = newConnector();
    }

    @Override
    protected PaymentConnector connector() {
        return connector;
    }

    @Override
    protected ConnectorCard approvedCard() {
        return card("4242 4242 4242 4242");
    }

    @Override
    protected ConnectorCard declinedCard() {
        return card("4000 0000 0000 0002");
    }

    @Test
    void isTheSandboxGateway() {
        assertThat(connector.gateway()).isEqualTo("sandbox");
    }

    /**
     * API.md's test-card table: the outcome of an authorization, then of a full capture and a full refund when the
     * previous step was approved ({@code -} otherwise). Declines read {@code code/soft} or {@code code/hard}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "4242 4242 4242 4242, approved, approved, approved",
        "5555 5555 5555 4444, approved, approved, approved",
        "3782 822463 10005, approved, approved, approved",
        "4000 0000 0000 0002, card.declined/soft, -, -",
        "4000 0000 0000 2180, card.do-not-honor/soft, -, -",
        "4000 0000 0000 2206, card.no-money/soft, -, -",
        "4000 0000 0000 2222, card.stolen/hard, -, -",
        "4000 0000 0000 0101, 3ds, -, -",
        "4000 0000 0000 0010, approved, gateway.capture-declined/soft, -",
        "4000 0000 0000 0077, approved, approved, gateway.refund-declined/soft",
        "4000 0000 0000 0069, approved, approved, approved",
        "4000 0000 0000 0200, approved, approved, approved",
        "4000 0000 0000 0309, approved, approved, approved",
        "4000 0000 0000 4004, approved, approved, approved",
        "4977 8300 0000 0001, approved, approved, approved",
        "4658 5800 0000 0008, approved, approved, approved",
    })
    void behavesAsApiMdSaysForEachTestCard(String number, String authorization, String capture, String refund) {
        AuthorizationRequest request = authorization(newOperationId(), card(number));

        OperationOutcome authorized = send(connector.authorize(request));

        assertOutcome(authorized, authorization, request.operationId());
        if (authorized instanceof Approved approved) {
            OperationOutcome captured = capture(approved.reference(), authorizedAmount());
            assertOutcome(captured, capture, null);
            if (captured instanceof Approved) {
                assertOutcome(refund(approved.reference(), authorizedAmount()), refund, null);
            }
        }
    }

    @Test
    void theChallengeUrlIsAPathOfThePaymentServiceNamingTheOperation() {
        AuthorizationRequest request = authorization("tr_op_challenge", card("4000000000000101"));

        StepVerifier.create(connector.authorize(request))
                .expectNext(new ThreeDSecureRequired("/three-d-s/tr_op_challenge"))
                .verifyComplete();
    }

    @Test
    void aCaptureFailingCardFailsEveryCaptureButCanBeVoided() {
        String reference = approvedReference(card("4000000000000010"));

        assertThat(capture(reference, part(10))).isEqualTo(new Declined("gateway.capture-declined", false));
        assertThat(capture(reference, part(90))).isEqualTo(new Declined("gateway.capture-declined", false));
        assertApproved(voidAuthorization(reference));
    }

    @Test
    void aRefundDecliningCardDeclinesPartialRefundsToo() {
        String reference = approvedReference(card("4000000000000077"));
        assertApproved(capture(reference, authorizedAmount()));

        assertThat(refund(reference, part(10))).isEqualTo(new Declined("gateway.refund-declined", false));
    }

    @Test
    void namesWhyItRefusesAnOperation() {
        String reference = authorized();
        Money cent = Money.ofMinor(1, "USD");

        assertThat(capture(reference, authorizedAmount().plus(cent))).isEqualTo(declined("gateway.amount-exceeded"));
        assertThat(capture(reference, Money.ofMinor(10_00, "EUR"))).isEqualTo(declined("gateway.currency-mismatch"));
        assertThat(capture(reference, Money.ofMinor(0, "USD"))).isEqualTo(declined("gateway.invalid-amount"));
        assertThat(refund(reference, cent)).isEqualTo(declined("gateway.invalid-state"));
        assertApproved(capture(reference, part(50)));
        assertThat(voidAuthorization(reference)).isEqualTo(declined("gateway.invalid-state"));
        assertThat(refund(reference, part(60))).isEqualTo(declined("gateway.amount-exceeded"));
        assertThat(capture("sbx_never-issued", cent)).isEqualTo(declined("gateway.unknown-authorization"));

        String voided = authorized();
        assertApproved(voidAuthorization(voided));
        assertThat(voidAuthorization(voided)).isEqualTo(declined("gateway.invalid-state"));
        assertThat(capture(voided, cent)).isEqualTo(declined("gateway.invalid-state"));
    }

    @Test
    void aChargebackIsForTheCapturedAmountNotTheAuthorizedOne() {
        String reference = approvedReference(card("4000000000000200"));
        assertApproved(capture(reference, part(40)));

        var notices = connector.dueNotices(Instant.now().plus(Duration.ofMinutes(1)), 10).block();

        assertThat(notices).extracting(DisputeNotice::stage)
                .containsExactly(DisputeStage.CHARGEBACK_OPENED, DisputeStage.CHARGEBACK_WON);
        assertThat(notices).extracting(DisputeNotice::amount).containsOnly(part(40));
    }

    @Test
    void referencesAreSandboxIds() {
        String reference = authorized();

        assertThat(reference).startsWith("sbx_").hasSize("sbx_".length() + 26);
        assertThat(((Approved) capture(reference, part(50))).reference()).startsWith("sbx_").isNotEqualTo(reference);
    }

    @Test
    void aReplayAskingForSomethingElseIsRefusedAndChangesNothing() {
        String reference = authorized();
        CaptureRequest first = new CaptureRequest(newOperationId(), reference, part(50));
        OperationOutcome captured = send(connector.capture(first));

        OperationOutcome reused = send(connector.capture(new CaptureRequest(first.operationId(), reference, part(30))));

        assertThat(reused).isEqualTo(declined("gateway.idempotency-key-reused"));
        assertThat(status(first.operationId())).contains(captured);
        assertApproved(capture(reference, part(50)));
    }

    @Test
    void theLedgerSurvivesARestartOfTheConnector() {
        String reference = authorized();
        CaptureRequest capture = new CaptureRequest(newOperationId(), reference, part(70));
        OperationOutcome captured = send(connector.capture(capture));

        connector = newConnector();

        assertThat(status(capture.operationId())).contains(captured);
        assertThat(send(connector.capture(capture))).isEqualTo(captured);
        assertThat(capture(reference, part(40))).isEqualTo(declined("gateway.amount-exceeded"));
        assertApproved(capture(reference, part(30)));
    }

    @Test
    void aLedgerFailureIsAnUnknownOutcomeNotADecline() {
        jdbc.execute("DROP TABLE " + SandboxLedger.AUTHORIZATIONS);

        OperationOutcome outcome = send(connector.authorize(authorization(newOperationId(), approvedCard())));

        assertThat(outcome).isInstanceOf(Unknown.class);
    }

    @Test
    void theLedgerHoldsNoCardNumberNorCvc() {
        List<String> numbers = List.of("4242424242424242", "4000000000000010", "4000000000000077", "4000000000000101",
                "4000000000002222", "378282246310005");
        for (String number : numbers) {
            OperationOutcome outcome = send(connector.authorize(authorization(newOperationId(),
                    new ConnectorCard(card(number).pan(), Cvc.parse("987"), 12, 2034, "A"))));
            if (outcome instanceof Approved approved) {
                capture(approved.reference(), authorizedAmount());
                refund(approved.reference(), part(50));
            }
        }

        List<String> values = ledgerValues();
        assertThat(values).isNotEmpty().noneMatch(value -> value.contains("987"));
        for (String number : numbers) {
            assertThat(values).noneMatch(value -> value.contains(number) || value.contains(number.substring(0, 6)));
        }
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name IN (?, ?)",
                String.class, SandboxLedger.OPERATIONS.toUpperCase(), SandboxLedger.AUTHORIZATIONS.toUpperCase()))
                .isNotEmpty()
                .noneMatch(column -> column.toLowerCase().matches(".*(pan|cvc|cvv|number|expir|exp_).*"));
    }

    @Test
    void aMalformedRequestFailsWithoutBeingRecorded() {
        String reference = authorized();

        StepVerifier.create(connector.capture(new CaptureRequest(" ", reference, part(50))))
                .verifyError(IllegalArgumentException.class);
        StepVerifier.create(connector.capture(new CaptureRequest(newOperationId(), "x".repeat(129), part(50))))
                .verifyError(IllegalArgumentException.class);
        assertThat(status(" ")).isEmpty();
    }

    @Test
    void creatingTheTablesAgainKeepsTheLedger() {
        String reference = authorized();

        connector = newConnector();

        assertApproved(capture(reference, authorizedAmount()));
    }

    private SandboxConnector newConnector() {
        return new SandboxConnector(jdbc, new DataSourceTransactionManager(dataSource), Clock.systemUTC());
    }

    private String approvedReference(ConnectorCard card) {
        OperationOutcome outcome = send(connector.authorize(authorization(newOperationId(), card)));
        assertApproved(outcome);
        return ((Approved) outcome).reference();
    }

    private static Declined declined(String code) {
        return new Declined(code, false);
    }

    private static void assertOutcome(OperationOutcome outcome, String expected, String operationId) {
        if (APPROVED.equals(expected)) {
            assertApproved(outcome);
        } else if ("3ds".equals(expected)) {
            assertThat(outcome).isEqualTo(new ThreeDSecureRequired("/three-d-s/" + operationId));
        } else {
            String[] decline = expected.split("/");
            assertThat(outcome).isEqualTo(new Declined(decline[0], "hard".equals(decline[1])));
        }
    }

    /** Every cell of the sandbox's tables as text, but timestamps (whose digits could match anything). */
    private List<String> ledgerValues() {
        List<String> values = new ArrayList<>();
        for (String table : List.of(SandboxLedger.OPERATIONS, SandboxLedger.AUTHORIZATIONS)) {
            jdbc.query("SELECT * FROM " + table, row -> {
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    Object value = row.getObject(column);
                    if (value != null && !(value instanceof Temporal) && !(value instanceof Date)) {
                        values.add(value.toString());
                    }
                }
            });
        }
        return values;
    }
}
