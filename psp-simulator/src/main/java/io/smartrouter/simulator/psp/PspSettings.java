package io.smartrouter.simulator.psp;

import java.util.List;

/**
 * How one simulated PSP behaves; every part is optional and takes its default when missing (from properties or from
 * an admin {@code PUT}). Immutable: a change replaces the whole value.
 *
 * @param latency the delay before each answer
 * @param errors the share of requests that fail, and how
 * @param approval the share of authorizations approved, per card segment
 * @param outage when true every request to this PSP answers 503 "not processed"
 * @param seed when set, the PSP's random draws restart from this seed (deterministic runs); null draws from a random
 *     seed
 */
public record PspSettings(Latency latency, Errors errors, Approval approval, Boolean outage, Long seed) {

    public PspSettings {
        latency = latency == null ? Latency.DEFAULT : latency;
        errors = errors == null ? Errors.NONE : errors;
        approval = approval == null ? Approval.DEFAULT : approval;
        outage = outage != null && outage;
    }

    public static PspSettings defaults() {
        return new PspSettings(null, null, null, null, null);
    }

    public PspSettings withOutage(boolean down) {
        return new PspSettings(latency, errors, approval, down, seed);
    }

    /** Refuses values that make no sense, naming the setting. */
    public void validate() {
        latency.validate();
        errors.validate();
        approval.validate();
    }

    /**
     * The delay of an answer: {@code base_ms} plus a log-normal part with median {@code median_ms} and 99th percentile
     * {@code p99_ms} ({@code median_ms} 0: no random part). The default is about 100 ms at the median, 400 ms at p99.
     */
    public record Latency(Long baseMs, Long medianMs, Long p99Ms) {

        static final Latency DEFAULT = new Latency(20L, 80L, 380L);
        static final long MAX_MS = 120_000;

        public Latency {
            baseMs = baseMs == null ? 0 : baseMs;
            medianMs = medianMs == null ? 0 : medianMs;
            p99Ms = p99Ms == null ? medianMs : p99Ms;
        }

        void validate() {
            require(baseMs >= 0 && baseMs <= MAX_MS, "latency.base_ms must be between 0 and " + MAX_MS);
            require(medianMs >= 0 && medianMs <= MAX_MS, "latency.median_ms must be between 0 and " + MAX_MS);
            require(p99Ms >= medianMs && p99Ms <= MAX_MS, "latency.p99_ms must be between median_ms and " + MAX_MS);
        }
    }

    /**
     * The share (0..1) of authorizations, captures, voids and refunds that fail; together at most 1.
     *
     * @param notProcessedRate answered 503 {@code not_processed}: certainly not done, the key stays unused
     * @param internalErrorRate answered 500: done or not ({@code internalErrorProcessedShare} of them are done)
     * @param internalErrorProcessedShare the share of 500s that did the operation before failing (default 0.5)
     * @param hangRate done, but the answer comes only after {@code hangMs}: longer than any caller waits
     * @param hangMs how long a hanging answer is held (default 60 s)
     */
    public record Errors(Double notProcessedRate, Double internalErrorRate, Double internalErrorProcessedShare,
            Double hangRate, Long hangMs) {

        static final Errors NONE = new Errors(null, null, null, null, null);

        public Errors {
            notProcessedRate = notProcessedRate == null ? 0 : notProcessedRate;
            internalErrorRate = internalErrorRate == null ? 0 : internalErrorRate;
            internalErrorProcessedShare = internalErrorProcessedShare == null ? 0.5 : internalErrorProcessedShare;
            hangRate = hangRate == null ? 0 : hangRate;
            hangMs = hangMs == null ? 60_000 : hangMs;
        }

        void validate() {
            requireShare(notProcessedRate, "errors.not_processed_rate");
            requireShare(internalErrorRate, "errors.internal_error_rate");
            requireShare(internalErrorProcessedShare, "errors.internal_error_processed_share");
            requireShare(hangRate, "errors.hang_rate");
            require(notProcessedRate + internalErrorRate + hangRate <= 1.0,
                    "errors: not_processed_rate + internal_error_rate + hang_rate must be at most 1");
            require(hangMs >= 0 && hangMs <= 600_000, "errors.hang_ms must be between 0 and 600000");
        }
    }

    /**
     * The share of authorizations approved (after the test cards of API.md, which always decline as documented):
     * the first rule whose every given criterion matches the card decides, else {@code defaultRate} (default 0.9).
     */
    public record Approval(Double defaultRate, List<ApprovalRule> rules) {

        static final Approval DEFAULT = new Approval(null, null);

        public Approval {
            defaultRate = defaultRate == null ? 0.9 : defaultRate;
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        void validate() {
            requireShare(defaultRate, "approval.default_rate");
            require(rules.size() <= 100, "approval.rules: at most 100 rules");
            rules.forEach(ApprovalRule::validate);
        }

        /** The approval rate of a card in {@code segment}. */
        public double rateFor(CardSegment segment) {
            return rules.stream().filter(rule -> rule.matches(segment)).findFirst().map(ApprovalRule::rate)
                    .orElse(defaultRate);
        }
    }

    /**
     * An approval rate for a card segment: {@code scheme} ({@code visa}, {@code mastercard}, {@code amex}, …),
     * {@code issuingCountry} (ISO 3166 alpha-2) and {@code binPrefix} (leading digits); a missing criterion matches any
     * card.
     */
    public record ApprovalRule(String scheme, String issuingCountry, String binPrefix, Double rate) {

        void validate() {
            require(rate != null, "approval.rules[].rate is required");
            requireShare(rate, "approval.rules[].rate");
            require(binPrefix == null || binPrefix.matches("[0-9]{1,8}"), "approval.rules[].bin_prefix must be 1 to 8 digits");
            require(issuingCountry == null || issuingCountry.matches("[A-Z]{2}"),
                    "approval.rules[].issuing_country must be an ISO 3166 alpha-2 code");
            require(scheme == null || scheme.matches("[a-z-]{1,20}"), "approval.rules[].scheme must be a scheme name");
        }

        boolean matches(CardSegment segment) {
            return (scheme == null || scheme.equals(segment.scheme()))
                    && (issuingCountry == null || issuingCountry.equals(segment.issuingCountry()))
                    && (binPrefix == null || segment.bin().startsWith(binPrefix));
        }
    }

    private static void requireShare(double value, String name) {
        require(value >= 0 && value <= 1, name + " must be between 0 and 1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidSettingsException(message);
        }
    }
}
