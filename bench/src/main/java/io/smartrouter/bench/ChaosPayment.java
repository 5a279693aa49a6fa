package io.smartrouter.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One payment of the crash test's workload and what the client was told about each of its steps. The verdict compares
 * that with what the platform recorded: an acknowledged step must be there exactly once, an unknown one at most once,
 * a step never acknowledged must not be there.
 */
final class ChaosPayment {

    /** The shapes of payment in the mix, each a merchant's usual sequence of calls. */
    enum Scenario {
        /** Authorize, then capture everything. */
        CHECKOUT,
        /** Authorize, capture part, refund part of that. */
        PARTIAL_REFUND,
        /** Authorize, then void. */
        VOID,
        /** Authorize and capture in one call. */
        SALE
    }

    /** What the client knows of one step. */
    enum Told {
        NOT_SENT,
        /** 2xx: the platform said it did it. */
        ACKNOWLEDGED,
        /** 4xx: the platform said it did not (e.g. a 409 after a crash left the transaction busy). */
        REJECTED,
        /** No answer or a 5xx: it may or may not have happened. */
        UNKNOWN
    }

    static final String AMOUNT = "10.00";
    static final String PARTIAL_CAPTURE = "6.00";
    static final String PARTIAL_REFUND = "2.50";

    final Scenario scenario;
    final String keyPrefix = UUID.randomUUID().toString();
    String invoiceId;
    Told authorize = Told.NOT_SENT;
    Told capture = Told.NOT_SENT;
    Told refund = Told.NOT_SENT;
    Told voided = Told.NOT_SENT;
    /** Calls sent again with their idempotency key, and steps acknowledged only after an unknown try. */
    int retries;
    int answeredAfterUnknown;
    /** The 4xx that ended a step: the step, the status and the error type. */
    final List<String> refusals = new ArrayList<>();

    ChaosPayment(Scenario scenario) {
        this.scenario = scenario;
    }

    /** The amount the client asked to capture. */
    String captureAmount() {
        return scenario == Scenario.PARTIAL_REFUND ? PARTIAL_CAPTURE : AMOUNT;
    }

    /** One idempotency key per logical step: a retry of the step reuses it. */
    String key(String step) {
        return keyPrefix + "-" + step;
    }

    static Told told(Api.Answer answer) {
        if (answer.ok()) {
            return Told.ACKNOWLEDGED;
        }
        return answer.unknown() ? Told.UNKNOWN : Told.REJECTED;
    }
}
