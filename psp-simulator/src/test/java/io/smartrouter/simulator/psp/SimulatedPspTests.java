package io.smartrouter.simulator.psp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated PSP's decisions and draws, without HTTP: test cards, amount checks, idempotency, and statistics. */
class SimulatedPspTests {

    private static final String VISA_US = "4242424242424242";
    private static final String VISA_FR = "4977830000000001";
    private static final String VISA_GB = "4658580000000008";
    private static final String MASTERCARD = "5555555555554444";

    private int keys;

    @Test
    void latencyIsTheBasePlusALogNormalPartWithTheConfiguredMedianAndP99() {
        SimulatedPsp psp = psp(new PspSettings(new PspSettings.Latency(20L, 80L, 380L), null, null, null, 42L));

        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            samples.add(psp.nextLatency().toMillis());
        }
        samples.sort(Long::compare);

        assertThat(samples.get(0)).isGreaterThanOrEqualTo(20);
        assertThat((double) percentile(samples, 0.50)).isCloseTo(100, within(5.0));
        assertThat((double) percentile(samples, 0.99)).isCloseTo(400, within(40.0));
        // Log-normal: a long right tail, so the mean sits above the median.
        assertThat(samples.stream().mapToLong(Long::longValue).average().orElseThrow()).isGreaterThan(105);
    }

    @Test
    void aLatencyWithoutRandomPartIsTheBaseExactly() {
        SimulatedPsp psp = psp(new PspSettings(new PspSettings.Latency(250L, 0L, null), null, null, null, 1L));

        assertThat(psp.nextLatency()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void approvalRatesFollowTheFirstMatchingRuleOfEachSegment() {
        PspSettings.Approval approval = new PspSettings.Approval(0.9, List.of(
                new PspSettings.ApprovalRule(null, "FR", null, 0.5),
                new PspSettings.ApprovalRule("visa", "GB", null, 0.2),
                new PspSettings.ApprovalRule("mastercard", null, null, 0.7),
                new PspSettings.ApprovalRule(null, null, "4242", 0.0)));
        SimulatedPsp psp = psp(new PspSettings(null, null, approval, null, 7L));

        int runs = 4_000;
        assertThat(approvalShare(psp, VISA_FR, runs)).isCloseTo(0.5, within(0.03));
        assertThat(approvalShare(psp, VISA_GB, runs)).isCloseTo(0.2, within(0.03));
        assertThat(approvalShare(psp, MASTERCARD, runs)).isCloseTo(0.7, within(0.03));
        assertThat(approvalShare(psp, VISA_US, runs)).isZero();
        assertThat(approvalShare(psp, "378282246310005", runs)).isCloseTo(0.9, within(0.03));
    }

    @Test
    void randomDeclinesAreSoftAndOfEveryRandomKind() {
        SimulatedPsp psp = psp(new PspSettings(null, null, new PspSettings.Approval(0.0, null), null, 3L));

        Map<String, Integer> reasons = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            PspOperation operation = authorize(psp, VISA_US).operation();
            assertThat(operation.status()).isEqualTo(PspOperation.DECLINED);
            assertThat(operation.retryAdvice()).isEqualTo("retry_later");
            reasons.merge(operation.declineReason(), 1, Integer::sum);
        }

        assertThat(reasons.keySet()).containsExactlyInAnyOrder("generic_decline", "do_not_honor", "insufficient_funds");
    }

    @Test
    void theDecliningTestCardsDeclineWhateverTheApprovalRate() {
        SimulatedPsp psp = psp(new PspSettings(null, null, new PspSettings.Approval(1.0, null), null, 3L));

        assertDeclined(authorize(psp, "4000000000000002"), "generic_decline", "retry_later");
        assertDeclined(authorize(psp, "4000000000002180"), "do_not_honor", "retry_later");
        assertDeclined(authorize(psp, "4000000000002206"), "insufficient_funds", "retry_later");
        assertDeclined(authorize(psp, "4000000000002222"), "stolen_card", "do_not_retry");
        assertThat(authorize(psp, VISA_US).operation().status()).isEqualTo(PspOperation.APPROVED);
    }

    @Test
    void errorRatesSplitIntoTheirKinds() {
        PspSettings.Errors errors = new PspSettings.Errors(0.1, 0.2, 0.25, 0.05, null);
        SimulatedPsp psp = psp(new PspSettings(null, errors, null, null, 11L));

        Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
        int runs = 20_000;
        for (int i = 0; i < runs; i++) {
            faults.merge(psp.nextFault(), 1, Integer::sum);
        }

        assertThat(share(faults, Fault.NOT_PROCESSED, runs)).isCloseTo(0.1, within(0.01));
        assertThat(share(faults, Fault.INTERNAL_ERROR_AFTER, runs)).isCloseTo(0.05, within(0.01));
        assertThat(share(faults, Fault.INTERNAL_ERROR_BEFORE, runs)).isCloseTo(0.15, within(0.01));
        assertThat(share(faults, Fault.HANG, runs)).isCloseTo(0.05, within(0.01));
        assertThat(share(faults, Fault.NONE, runs)).isCloseTo(0.65, within(0.01));
    }

    @Test
    void theSameSeedDrawsTheSameRun() {
        PspSettings settings = new PspSettings(null, new PspSettings.Errors(0.1, 0.1, null, 0.1, null),
                new PspSettings.Approval(0.5, null), null, 2024L);

        assertThat(run(psp(settings))).isEqualTo(run(psp(settings)));
    }

    @Test
    void aReplayAnswersTheFirstOutcomeAndDoesNothingAgain() {
        SimulatedPsp psp = psp(approving());
        String authorization = authorize(psp, VISA_US).operation().id();

        SimulatedPsp.Result first = psp.capture("k-1", authorization, 600, "USD");
        SimulatedPsp.Result replay = psp.capture("k-1", authorization, 600, "USD");

        assertThat(first.replayed()).isFalse();
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.operation()).isEqualTo(first.operation());
        assertThat(psp.capture("k-2", authorization, 400, "USD").operation().status()).isEqualTo(PspOperation.APPROVED);
        assertDeclined(psp.capture("k-3", authorization, 1, "USD"), "amount_exceeded", "retry_later");
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefusedAndChangesNothing() {
        SimulatedPsp psp = psp(approving());
        String authorization = authorize(psp, VISA_US).operation().id();
        psp.capture("k-1", authorization, 500, "USD");

        assertThatThrownBy(() -> psp.capture("k-1", authorization, 300, "USD"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> psp.refund("k-1", authorization, 500, "USD"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(psp.capture("k-2", authorization, 500, "USD").operation().status()).isEqualTo(PspOperation.APPROVED);
    }

    @Test
    void checksAmountsStatesAndCurrencies() {
        SimulatedPsp psp = psp(approving());
        String authorization = authorize(psp, VISA_US).operation().id();

        assertDeclined(psp.refund(key(), authorization, 1, "USD"), "invalid_state", "retry_later");
        assertDeclined(psp.capture(key(), authorization, 1001, "USD"), "amount_exceeded", "retry_later");
        assertDeclined(psp.capture(key(), authorization, 100, "EUR"), "currency_mismatch", "retry_later");
        assertDeclined(psp.capture(key(), "auth_never", 100, "USD"), "unknown_authorization", "retry_later");
        assertThat(psp.capture(key(), authorization, 500, "USD").operation().status()).isEqualTo(PspOperation.APPROVED);
        assertDeclined(psp.voidAuthorization(key(), authorization), "invalid_state", "retry_later");
        assertDeclined(psp.refund(key(), authorization, 501, "USD"), "amount_exceeded", "retry_later");
        assertThat(psp.refund(key(), authorization, 500, "USD").operation().status()).isEqualTo(PspOperation.APPROVED);

        String voided = authorize(psp, VISA_US).operation().id();
        assertThat(psp.voidAuthorization(key(), voided).operation().status()).isEqualTo(PspOperation.APPROVED);
        assertDeclined(psp.voidAuthorization(key(), voided), "invalid_state", "retry_later");
        assertDeclined(psp.capture(key(), voided, 1, "USD"), "invalid_state", "retry_later");
    }

    @Test
    void keepsNoCardNumber() {
        SimulatedPsp psp = psp(approving());

        PspOperation operation = authorize(psp, VISA_US).operation();

        assertThat(operation.toString()).doesNotContain("424242").doesNotContain("4242424242424242");
        assertThat(new SimulatedPsp.AuthorizeRequest(100, "USD", VISA_US, "cit", null).toString())
                .doesNotContain("424242");
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new PspSettings(new PspSettings.Latency(0L, 100L, 50L), null, null, null, null)
                .validate()).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("p99_ms");
        assertThatThrownBy(() -> new PspSettings(null, new PspSettings.Errors(0.6, 0.6, null, null, null), null, null,
                null).validate()).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("at most 1");
        assertThatThrownBy(() -> new PspSettings(null, null, new PspSettings.Approval(1.5, null), null, null)
                .validate()).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("default_rate");
        assertThatThrownBy(() -> new PspSettings(null, null, new PspSettings.Approval(0.5,
                List.of(new PspSettings.ApprovalRule(null, "fr", null, 0.5))), null, null).validate())
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("issuing_country");
    }

    @Test
    void knowsTheSegmentsOfTheTestCards() {
        assertThat(CardSegment.of(VISA_FR)).isEqualTo(new CardSegment("visa", "FR", "49778300"));
        assertThat(CardSegment.of(VISA_GB).issuingCountry()).isEqualTo("GB");
        assertThat(CardSegment.of(MASTERCARD).scheme()).isEqualTo("mastercard");
        assertThat(CardSegment.of("2221000000000009").scheme()).isEqualTo("mastercard");
        assertThat(CardSegment.of("378282246310005").scheme()).isEqualTo("amex");
        assertThat(CardSegment.of("4000000000000002").issuingCountry()).isNull();
    }

    private List<String> run(SimulatedPsp psp) {
        List<String> run = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            run.add(psp.nextFault() + "/" + psp.nextLatency().toMillis() + "/"
                    + authorize(psp, VISA_US).operation().status());
        }
        return run;
    }

    private double approvalShare(SimulatedPsp psp, String card, int runs) {
        int approved = 0;
        for (int i = 0; i < runs; i++) {
            if (authorize(psp, card).operation().status().equals(PspOperation.APPROVED)) {
                approved++;
            }
        }
        return (double) approved / runs;
    }

    private SimulatedPsp.Result authorize(SimulatedPsp psp, String card) {
        return psp.authorize(key(), new SimulatedPsp.AuthorizeRequest(1000, "USD", card, "cit", "tr_1"));
    }

    private String key() {
        return "key-" + keys++;
    }

    private static PspSettings approving() {
        return new PspSettings(null, null, new PspSettings.Approval(1.0, null), null, 5L);
    }

    private static SimulatedPsp psp(PspSettings settings) {
        return new SimulatedPsp("psp-test", settings, Clock.systemUTC());
    }

    private static void assertDeclined(SimulatedPsp.Result result, String reason, String advice) {
        assertThat(result.operation().status()).isEqualTo(PspOperation.DECLINED);
        assertThat(result.operation().declineReason()).isEqualTo(reason);
        assertThat(result.operation().retryAdvice()).isEqualTo(advice);
    }

    private static double share(Map<Fault, Integer> counts, Fault fault, int runs) {
        return (double) counts.getOrDefault(fault, 0) / runs;
    }

    private static long percentile(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1);
    }
}
