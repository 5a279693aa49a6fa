package io.smartrouter.payment.connector.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.payment.connector.ConnectorCard;
import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.connector.OperationOutcome.Approved;
import io.smartrouter.payment.connector.OperationOutcome.Declined;
import io.smartrouter.payment.connector.OperationOutcome.Unavailable;
import io.smartrouter.payment.connector.OperationOutcome.Unknown;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentConnectorContractTests;
import io.smartrouter.payment.connector.PaymentOperations.AuthorizationRequest;
import io.smartrouter.payment.connector.PaymentOperations.CaptureRequest;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.money.Money;
import io.smartrouter.simulator.EmbeddedSimulator;
import io.smartrouter.simulator.psp.PspSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator connector against a real PSP simulator started in-process on a free port: the shared contract, the
 * decline test cards, and the mapping of every way the simulator fails (503 not processed, outage, 500, a hang, a
 * refused or dropped connection) to the right outcome.
 */
class SimulatorConnectorTests extends PaymentConnectorContractTests {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(700);
    private static final PspSettings.Latency NO_LATENCY = new PspSettings.Latency(0L, 0L, null);
    private static final PspSettings.Approval APPROVE_ALL = new PspSettings.Approval(1.0, null);

    private static EmbeddedSimulator simulator;
    private static SimulatorConnectorFactory factory;

    private PaymentConnector connector;

    @BeforeAll
    static void startSimulator() {
        simulator = EmbeddedSimulator.start(Map.of("psp-contract", settings(null)));
        factory = new SimulatorConnectorFactory(simulator.url(), Duration.ofSeconds(1), RESPONSE_TIMEOUT);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void contractPsp() {
        simulator.psps().configure("psp-contract", settings(null));
        connector = factory.connect(Map.of("psp", "psp-contract"));
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
    void isTheSimulatorGatewayOnTheConfiguredPsp() {
        assertThat(connector.gateway()).isEqualTo("simulator");
        assertThat(((SimulatorConnector) connector).psp()).isEqualTo("psp-contract");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "4000 0000 0000 0002, card.declined, false",
        "4000 0000 0000 2180, card.do-not-honor, false",
        "4000 0000 0000 2206, card.no-money, false",
        "4000 0000 0000 2222, card.stolen, true",
    })
    void mapsTheDecliningTestCards(String number, String code, boolean hard) {
        assertThat(send(connector.authorize(authorization(newOperationId(), card(number)))))
                .isEqualTo(new Declined(code, hard));
    }

    @Test
    void mapsTheSimulatorsRefusalsToThePlatformsCodes() {
        String reference = authorized();

        assertThat(capture(reference, authorizedAmount().plus(part(1)))).isEqualTo(soft("gateway.amount-exceeded"));
        assertThat(capture(reference, Money.ofMinor(100, "EUR")))
                .isEqualTo(soft("gateway.currency-mismatch"));
        assertThat(refund(reference, part(10))).isEqualTo(soft("gateway.invalid-state"));
        assertThat(capture("auth_never-issued", part(10))).isEqualTo(soft("gateway.unknown-authorization"));
        CaptureRequest first = new CaptureRequest(newOperationId(), reference, part(50));
        assertApproved(send(connector.capture(first)));
        assertThat(send(connector.capture(new CaptureRequest(first.operationId(), reference, part(20)))))
                .isEqualTo(soft("gateway.idempotency-key-reused"));
    }

    @Test
    void anApprovedAuthorizationsReferenceIsTheSimulatorsAuthorizationId() {
        assertThat(authorized()).startsWith("auth_");
    }

    @Test
    void aNotProcessedAnswerIsUnavailableAndLeavesNothingToResolve() {
        connector = on("psp-refusing", new PspSettings.Errors(1.0, null, null, null, null));
        AuthorizationRequest request = authorization(newOperationId(), approvedCard());

        assertThat(send(connector.authorize(request))).isInstanceOf(Unavailable.class);

        simulator.psps().configure("psp-refusing", settings(null));
        assertThat(status(request.operationId())).isEmpty();
    }

    @Test
    void anOutageIsUnavailableAndItsStatusLookupAnError() {
        simulator.psps().configure("psp-down", settings(null).withOutage(true));
        connector = factory.connect(Map.of("psp", "psp-down"));

        assertThat(send(connector.authorize(authorization(newOperationId(), approvedCard()))))
                .isEqualTo(new Unavailable("simulator.not-processed"));
        assertThat(capture("auth_any", part(10))).isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> status(newOperationId())).hasMessageContaining("503 not_processed");
    }

    @Test
    void nothingListeningIsUnavailable() throws IOException {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        PaymentConnector unreachable = new SimulatorConnectorFactory("http://127.0.0.1:" + free, Duration.ofSeconds(1),
                RESPONSE_TIMEOUT).connect(Map.of("psp", "psp-a"));

        assertThat(send(unreachable.authorize(authorization(newOperationId(), approvedCard()))))
                .isEqualTo(new Unavailable("simulator.unreachable"));
        assertThatThrownBy(() -> unreachable.status(newOperationId()).block(TIMEOUT)).isNotNull();
    }

    @Test
    void anUnknownPspIsUnavailable() {
        connector = factory.connect(Map.of("psp", "psp-nowhere"));

        assertThat(send(connector.authorize(authorization(newOperationId(), approvedCard()))))
                .isEqualTo(new Unavailable("simulator.unknown-psp"));
    }

    @Test
    void anInternalErrorIsUnknownAndTheStatusLookupTellsWhatHappened() {
        connector = on("psp-failing-after", new PspSettings.Errors(null, 1.0, 1.0, null, null));
        AuthorizationRequest done = authorization(newOperationId(), approvedCard());
        assertThat(send(connector.authorize(done))).isEqualTo(new Unknown("simulator.internal-error"));

        connector = on("psp-failing-before", new PspSettings.Errors(null, 1.0, 0.0, null, null));
        AuthorizationRequest notDone = authorization(newOperationId(), approvedCard());
        assertThat(send(connector.authorize(notDone))).isEqualTo(new Unknown("simulator.internal-error"));

        connector = factory.connect(Map.of("psp", "psp-failing-after"));
        assertThat(status(done.operationId())).hasValueSatisfying(outcome -> assertThat(outcome).isInstanceOf(Approved.class));
        connector = factory.connect(Map.of("psp", "psp-failing-before"));
        assertThat(status(notDone.operationId())).isEmpty();
    }

    @Test
    void aHangBeyondTheResponseTimeoutIsUnknownAndTheStatusLookupFindsTheRealOutcome() {
        connector = on("psp-hanging", new PspSettings.Errors(null, null, null, 1.0, 30_000L));
        AuthorizationRequest request = authorization(newOperationId(), approvedCard());
        long started = System.nanoTime();

        OperationOutcome outcome = send(connector.authorize(request));

        assertThat(outcome).isEqualTo(new Unknown("simulator.timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        Optional<OperationOutcome> found = status(request.operationId());
        assertThat(found).hasValueSatisfying(real -> assertThat(real).isInstanceOf(Approved.class));
        // Sent again with the same key, it answers the same authorization (once the hang is switched off).
        simulator.psps().configure("psp-hanging", settings(null));
        assertThat(send(connector.authorize(request))).isEqualTo(found.get());
    }

    @Test
    void aConnectionDroppedAfterTheRequestIsUnknown() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread dropper = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    in.read(new byte[8192]);
                } catch (IOException e) {
                    // the test's assertion tells
                }
            });
            dropper.start();
            PaymentConnector dropping = new SimulatorConnectorFactory("http://127.0.0.1:" + server.getLocalPort(),
                    Duration.ofSeconds(1), Duration.ofSeconds(5)).connect(Map.of("psp", "psp-a"));

            OperationOutcome outcome = send(dropping.authorize(authorization(newOperationId(), approvedCard())));

            assertThat(outcome).isEqualTo(new Unknown("simulator.connection-lost"));
            dropper.join(5_000);
        }
    }

    @Test
    void neverAsksFor3dSecureNorReportsDisputes() {
        assertThat(send(connector.completeAuthentication(newOperationId(), true)))
                .isEqualTo(soft("gateway.unknown-authorization"));
        assertThat(connector.dueNotices(Instant.now(), 10).block(TIMEOUT)).isEmpty();
        assertThat(connector.acknowledge("anything").block(TIMEOUT)).isNull();
    }

    @Test
    void theFactoryValidatesSettingsWithoutEchoingValues() {
        assertThat(factory.gateway()).isEqualTo("simulator");
        assertThatThrownBy(() -> factory.validate(Map.of())).isInstanceOf(ApiException.class)
                .hasMessageContaining("psp");
        assertThatThrownBy(() -> factory.validate(Map.of("psp", "PSP A secret-ish")))
                .isInstanceOf(ApiException.class).hasMessageNotContaining("secret-ish");
        assertThatThrownBy(() -> factory.validate(Map.of("psp", "a".repeat(41)))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> factory.validate(Map.of("psp", "psp-a", "url", "http://elsewhere")))
                .isInstanceOf(ApiException.class).hasMessageContaining("url").hasMessageNotContaining("elsewhere");
        assertThatThrownBy(() -> factory.validate(Map.of("psp", "psp-a", "merchant_account", "bad account!")))
                .isInstanceOf(ApiException.class).hasMessageNotContaining("bad account");
        assertThat(((ApiException) catchValidation(Map.of())).code().status()).isEqualTo(400);

        factory.validate(Map.of("psp", "psp-a", "merchant_account", "acct_42"));
        assertThat(factory.connect(Map.of("psp", "psp-contract", "merchant_account", "acct_42"))
                .authorize(authorization(newOperationId(), approvedCard())).block(TIMEOUT)).isInstanceOf(Approved.class);
    }

    private static RuntimeException catchValidation(Map<String, String> settings) {
        try {
            factory.validate(settings);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("accepted " + settings.keySet());
    }

    private static PaymentConnector on(String psp, PspSettings.Errors errors) {
        simulator.psps().configure(psp, settings(errors));
        return factory.connect(Map.of("psp", psp));
    }

    private static PspSettings settings(PspSettings.Errors errors) {
        return new PspSettings(NO_LATENCY, errors, APPROVE_ALL, false, 1L);
    }

    private static Declined soft(String code) {
        return new Declined(code, false);
    }
}
