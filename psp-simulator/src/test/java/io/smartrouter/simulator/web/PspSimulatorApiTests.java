package io.smartrouter.simulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The wire format of the README, through HTTP on the Spring Boot application: each test runs on a PSP of its own,
 * created through the admin API with a seed, approving everything and answering at once unless the test says else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class PspSimulatorApiTests {

    private static final AtomicInteger PSPS = new AtomicInteger();
    private static final String APPROVING = "{\"latency\": {\"base_ms\": 0, \"median_ms\": 0}, "
            + "\"approval\": {\"default_rate\": 1.0}, \"seed\": 1}";
    private static final String VISA = "4242 4242 4242 4242";

    @Autowired
    WebTestClient web;

    private String psp;
    private int keys;

    @BeforeEach
    void newPsp() {
        psp = "psp-test-" + PSPS.incrementAndGet();
        configure(APPROVING).expectStatus().isCreated();
    }

    @Test
    void startsWithTheConfiguredPsps() {
        web.get().uri("/admin/psps").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.psps['psp-a'].latency.base_ms").isEqualTo(20)
                .jsonPath("$.psps['psp-a'].latency.median_ms").isEqualTo(80)
                .jsonPath("$.psps['psp-b'].approval.default_rate").isEqualTo(0.9)
                .jsonPath("$.psps['psp-c'].errors.not_processed_rate").isEqualTo(0.0)
                .jsonPath("$.psps['psp-c'].outage").isEqualTo(false);
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void anApprovedAuthorizationAnswersItsAuthorizationId() {
        authorize("op-1", VISA, 1000).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody()
                .jsonPath("$.id").value(id -> assertThat((String) id).startsWith("auth_"))
                .jsonPath("$.type").isEqualTo("authorization")
                .jsonPath("$.idempotency_key").isEqualTo("op-1")
                .jsonPath("$.status").isEqualTo("approved")
                .jsonPath("$.authorization_id").value(id -> assertThat((String) id).startsWith("auth_"))
                .jsonPath("$.decline_reason").doesNotExist()
                .jsonPath("$.amount").isEqualTo(1000)
                .jsonPath("$.currency").isEqualTo("USD")
                .jsonPath("$.merchant_reference").isEqualTo("tr_test")
                .jsonPath("$.created_at").value(at -> assertThat((String) at).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void theDecliningTestCardsAnswerTheirReasonAndAdvice() {
        authorize(key(), "4000 0000 0000 2222", 1000).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("declined")
                .jsonPath("$.decline_reason").isEqualTo("stolen_card")
                .jsonPath("$.retry_advice").isEqualTo("do_not_retry")
                .jsonPath("$.authorization_id").doesNotExist();
        authorize(key(), "4000000000002180", 1000).expectStatus().isOk().expectBody()
                .jsonPath("$.decline_reason").isEqualTo("do_not_honor")
                .jsonPath("$.retry_advice").isEqualTo("retry_later");
    }

    @Test
    void capturesVoidsAndRefundsAnAuthorization() {
        String authorization = authorizationId(VISA);

        post("/authorizations/" + authorization + "/captures", key(), "{\"amount\": 600, \"currency\": \"USD\"}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.type").isEqualTo("capture")
                .jsonPath("$.status").isEqualTo("approved")
                .jsonPath("$.authorization_id").isEqualTo(authorization)
                .jsonPath("$.id").value(id -> assertThat((String) id).startsWith("op_"));
        post("/authorizations/" + authorization + "/refunds", key(), "{\"amount\": 700, \"currency\": \"USD\"}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("declined")
                .jsonPath("$.decline_reason").isEqualTo("amount_exceeded");
        post("/authorizations/" + authorization + "/refunds", key(), "{\"amount\": 600, \"currency\": \"USD\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("approved");

        String other = authorizationId(VISA);
        post("/authorizations/" + other + "/voids", key(), "").expectStatus().isOk().expectBody()
                .jsonPath("$.type").isEqualTo("void").jsonPath("$.status").isEqualTo("approved");
        post("/authorizations/" + other + "/captures", key(), "{\"amount\": 1, \"currency\": \"USD\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.decline_reason").isEqualTo("invalid_state");
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstOutcomeWithoutDoingItAgain() {
        String authorization = authorizationId(VISA);
        String capture = "{\"amount\": 700, \"currency\": \"USD\"}";

        String first = body(post("/authorizations/" + authorization + "/captures", "cap-1", capture)
                .expectStatus().isOk().expectHeader().valueEquals("Idempotent-Replayed", "false"));
        String replay = body(post("/authorizations/" + authorization + "/captures", "cap-1", capture)
                .expectStatus().isOk().expectHeader().valueEquals("Idempotent-Replayed", "true"));

        assertThat(replay).isEqualTo(first);
        post("/authorizations/" + authorization + "/captures", key(), "{\"amount\": 301, \"currency\": \"USD\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.decline_reason").isEqualTo("amount_exceeded");
        post("/authorizations/" + authorization + "/captures", "cap-1", "{\"amount\": 300, \"currency\": \"USD\"}")
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.type").isEqualTo("idempotency_key_reused");
    }

    @Test
    void theStatusLookupFindsAnOperationByItsIdempotencyKey() {
        String outcome = body(authorize("op-looked-up", VISA, 1000).expectStatus().isOk());

        String found = body(web.get().uri("/psps/" + psp + "/operations/op-looked-up").exchange().expectStatus().isOk());

        assertThat(found).isEqualTo(outcome);
        web.get().uri("/psps/" + psp + "/operations/op-never-sent").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error.type").isEqualTo("operation_not_found");
    }

    @Test
    void refusesMalformedRequestsWithoutDoingAnythingNorEchoingTheCard() {
        String body = body(authorize(key(), "4242 4242 4242 4241", 1000).expectStatus().isBadRequest());
        assertThat(body).contains("\"type\":\"invalid_request\"").doesNotContain("4242");

        String unknownField = "{\"amount\": 100, \"currency\": \"USD\", \"initiation_type\": \"cit\", \"pan\": "
                + "\"4242424242424242\", \"card\": {\"number\": \"4242424242424242\", \"exp_month\": 12, \"exp_year\": 2030}}";
        assertThat(body(post("/authorizations", key(), unknownField).expectStatus().isBadRequest()))
                .doesNotContain("4242");
        assertThat(body(post("/authorizations", key(), "{\"card\": {\"number\": \"4242424242424242\"")
                .expectStatus().isBadRequest())).doesNotContain("4242");
        authorize(key(), VISA, 0).expectStatus().isBadRequest();
        post("/authorizations", key(), "{\"merchant_reference\": \"" + "x".repeat(300_000) + "\"}")
                .expectStatus().isBadRequest();
        web.post().uri("/psps/" + psp + "/authorizations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(authorization(VISA, 100)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.message").value(
                        message -> assertThat((String) message).contains("Idempotency-Key"));
        post("/authorizations/" + authorizationId(VISA) + "/captures", key(), "{\"amount\": 1.5, \"currency\": \"USD\"}")
                .expectStatus().isBadRequest();

        web.get().uri("/admin/psps/" + psp).exchange().expectBody().jsonPath("$.operations").isEqualTo(1);
    }

    @Test
    void anUnknownPspIsA404() {
        web.post().uri("/psps/psp-nowhere/authorizations").header("Idempotency-Key", key())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(authorization(VISA, 100)).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error.type").isEqualTo("unknown_psp");
        web.get().uri("/admin/psps/psp-nowhere").exchange().expectStatus().isNotFound();
    }

    @Test
    void anOutageAnswers503NotProcessedToEverythingUntilSwitchedOff() {
        String authorization = authorizationId(VISA);

        web.put().uri("/admin/psps/" + psp + "/outage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"outage\": true}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.settings.outage").isEqualTo(true);

        authorize("op-during-outage", VISA, 100).expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.type").isEqualTo("not_processed");
        post("/authorizations/" + authorization + "/captures", key(), "{\"amount\": 100, \"currency\": \"USD\"}")
                .expectStatus().isEqualTo(503);
        web.get().uri("/psps/" + psp + "/operations/op-during-outage").exchange().expectStatus().isEqualTo(503);

        web.put().uri("/admin/psps/" + psp + "/outage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"outage\": false}").exchange().expectStatus().isOk();
        web.get().uri("/psps/" + psp + "/operations/op-during-outage").exchange().expectStatus().isNotFound();
        authorize("op-during-outage", VISA, 100).expectStatus().isOk();
    }

    @Test
    void aNotProcessedErrorLeavesTheKeyUnused() {
        configure("{\"latency\": {\"median_ms\": 0}, \"errors\": {\"not_processed_rate\": 1.0}, \"seed\": 1}")
                .expectStatus().isOk();

        authorize("op-refused", VISA, 100).expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.type").isEqualTo("not_processed");

        configure(APPROVING).expectStatus().isOk();
        web.get().uri("/psps/" + psp + "/operations/op-refused").exchange().expectStatus().isNotFound();
    }

    @Test
    void aProcessedInternalErrorIsFoundByTheStatusLookup() {
        configure("{\"latency\": {\"median_ms\": 0}, \"approval\": {\"default_rate\": 1.0}, "
                + "\"errors\": {\"internal_error_rate\": 1.0, \"internal_error_processed_share\": 1.0}, \"seed\": 1}")
                .expectStatus().isOk();

        authorize("op-failed-after", VISA, 100).expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.error.type").isEqualTo("internal_error");

        web.get().uri("/psps/" + psp + "/operations/op-failed-after").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("approved");
    }

    @Test
    void anUnprocessedInternalErrorLeavesNothing() {
        configure("{\"latency\": {\"median_ms\": 0}, "
                + "\"errors\": {\"internal_error_rate\": 1.0, \"internal_error_processed_share\": 0.0}, \"seed\": 1}")
                .expectStatus().isOk();

        authorize("op-failed-before", VISA, 100).expectStatus().isEqualTo(500);

        web.get().uri("/psps/" + psp + "/operations/op-failed-before").exchange().expectStatus().isNotFound();
    }

    @Test
    void aHangDoesTheOperationButHoldsTheAnswer() {
        configure("{\"latency\": {\"median_ms\": 0}, \"approval\": {\"default_rate\": 1.0}, "
                + "\"errors\": {\"hang_rate\": 1.0, \"hang_ms\": 3000}, \"seed\": 1}").expectStatus().isOk();
        long started = System.nanoTime();

        authorize("op-hanging", VISA, 100).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("approved");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
    }

    @Test
    void aHangingOperationIsRecordedBeforeItsAnswer() {
        configure("{\"latency\": {\"median_ms\": 0}, \"approval\": {\"default_rate\": 1.0}, "
                + "\"errors\": {\"hang_rate\": 1.0, \"hang_ms\": 60000}, \"seed\": 1}").expectStatus().isOk();
        WebTestClient impatient = web.mutate().responseTimeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> impatient.post().uri("/psps/" + psp + "/authorizations")
                .header("Idempotency-Key", "op-hung").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(authorization(VISA, 100)).exchange())
                .hasMessageContaining("Timeout");

        configure(APPROVING).expectStatus().isOk();
        for (int attempt = 0; attempt < 100; attempt++) {
            if (web.get().uri("/psps/" + psp + "/operations/op-hung").exchange().returnResult(String.class)
                    .getStatus().value() == 200) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("The hanging authorization was never recorded");
    }

    @Test
    void answersAfterThePspsLatency() {
        configure("{\"latency\": {\"base_ms\": 400, \"median_ms\": 0}, \"approval\": {\"default_rate\": 1.0}, "
                + "\"seed\": 1}").expectStatus().isOk();
        long started = System.nanoTime();

        authorize(key(), VISA, 100).expectStatus().isOk();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void approvalRulesApplyPerSegmentOverHttp() {
        configure("{\"latency\": {\"median_ms\": 0}, \"approval\": {\"default_rate\": 1.0, \"rules\": ["
                + "{\"issuing_country\": \"FR\", \"rate\": 0.0}, {\"scheme\": \"mastercard\", \"rate\": 0.0}]}, "
                + "\"seed\": 1}").expectStatus().isOk();

        authorize(key(), "4977 8300 0000 0001", 100).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("declined");
        authorize(key(), "5555 5555 5555 4444", 100).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("declined");
        authorize(key(), "4658 5800 0000 0008", 100).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("approved");
    }

    @Test
    void theAdminApiShowsAndReplacesSettingsAndRefusesNonsense() {
        web.get().uri("/admin/psps/" + psp).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo(psp)
                .jsonPath("$.settings.approval.default_rate").isEqualTo(1.0)
                .jsonPath("$.settings.errors.hang_ms").isEqualTo(60000)
                .jsonPath("$.operations").isEqualTo(0);

        configure("{\"errors\": {\"not_processed_rate\": 0.7, \"internal_error_rate\": 0.7}}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.type").isEqualTo("invalid_settings");
        configure("{\"latency\": {\"median\": 3}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.type").isEqualTo("invalid_request");
        web.put().uri("/admin/psps/Not_A_Name").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest();

        configure("{}").expectStatus().isOk().expectBody()
                .jsonPath("$.settings.approval.default_rate").isEqualTo(0.9)
                .jsonPath("$.settings.latency.base_ms").isEqualTo(20)
                .jsonPath("$.settings.latency.median_ms").isEqualTo(80)
                .jsonPath("$.settings.seed").doesNotExist();
    }

    private WebTestClient.ResponseSpec configure(String settings) {
        return web.put().uri("/admin/psps/" + psp).contentType(MediaType.APPLICATION_JSON).bodyValue(settings).exchange();
    }

    private WebTestClient.ResponseSpec authorize(String key, String card, long amount) {
        return post("/authorizations", key, authorization(card, amount));
    }

    private String authorizationId(String card) {
        EntityExchangeResult<Map> result = authorize(key(), card, 1000).expectStatus().isOk()
                .expectBody(Map.class).returnResult();
        return (String) result.getResponseBody().get("authorization_id");
    }

    private WebTestClient.ResponseSpec post(String path, String key, String body) {
        return web.post().uri("/psps/" + psp + path).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String authorization(String card, long amount) {
        return "{\"amount\": " + amount + ", \"currency\": \"USD\", \"card\": {\"number\": \"" + card + "\", "
                + "\"exp_month\": 12, \"exp_year\": 2030, \"cvc\": \"123\", \"holder_name\": \"Ada\"}, "
                + "\"initiation_type\": \"cit\", \"merchant_reference\": \"tr_test\"}";
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseBody();
    }

    private String key() {
        return "key-" + keys++;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
