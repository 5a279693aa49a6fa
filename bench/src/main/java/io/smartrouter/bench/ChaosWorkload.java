package io.smartrouter.bench;

import io.smartrouter.bench.ChaosPayment.Scenario;
import io.smartrouter.bench.ChaosPayment.Told;
import java.time.Duration;
import java.util.Set;

/**
 * Makes the crash test's payments through the public API, as a careful merchant would: one call after the other, each
 * with its own idempotency key, and a call whose outcome is unknown (no answer, a 5xx) or still in progress (409) sent
 * again with the same key for a while — longer than the gateway's lease on a key whose answer was lost, so that retries
 * also reach the payment service again. A payment stops at the first step that was not acknowledged.
 */
final class ChaosWorkload {

    /** The 409s that mean "the first request is still running": worth asking again. */
    private static final Set<String> STILL_RUNNING = Set.of("request.idempotency.in-progress",
            "request.transaction.in-progress");

    private final Api secret;
    private final Api publicKey;
    private final WebhookReceiver receiver;
    private final Duration patience;

    ChaosWorkload(Api secret, Api publicKey, WebhookReceiver receiver, Duration patience) {
        this.secret = secret;
        this.publicKey = publicKey;
        this.receiver = receiver;
        this.patience = patience;
    }

    ChaosPayment run(Scenario scenario) {
        ChaosPayment payment = new ChaosPayment(scenario);
        Api.Answer invoice = call(secret, "/invoices", "{\"name\":\"Crash test " + scenario + "\",\"amount\":\""
                + ChaosPayment.AMOUNT + "\",\"currency\":\"USD\",\"webhook_url\":\""
                + receiver.invoiceUrl(payment.keyPrefix) + "\"}", payment, "invoice").answer();
        if (!invoice.ok()) {
            return payment;
        }
        payment.invoiceId = invoice.text("/invoice/id");
        Api.Answer card = call(publicKey, "/cards", CitFlow.CARD, payment, "card").answer();
        if (!card.ok()) {
            return payment;
        }
        String source = "{\"source\":\"" + card.text("/card/id") + "\"}";
        String invoicePath = "/invoices/" + payment.invoiceId;
        if (scenario == Scenario.SALE) {
            payment.capture = call(secret, invoicePath + "/capture", source, payment, "capture").told();
            payment.authorize = payment.capture;
            return payment;
        }
        payment.authorize = call(publicKey, invoicePath + "/authorize", source, payment, "authorize").told();
        if (payment.authorize != Told.ACKNOWLEDGED) {
            return payment;
        }
        if (scenario == Scenario.VOID) {
            payment.voided = call(secret, invoicePath + "/void", "{}", payment, "void").told();
            return payment;
        }
        payment.capture = call(secret, invoicePath + "/capture", "{\"amount\":\"" + payment.captureAmount() + "\"}",
                payment, "capture").told();
        if (scenario == Scenario.PARTIAL_REFUND && payment.capture == Told.ACKNOWLEDGED) {
            payment.refund = call(secret, invoicePath + "/refunds", "{\"amount\":\"" + ChaosPayment.PARTIAL_REFUND
                    + "\"}", payment, "refund").told();
        }
        return payment;
    }

    /** The last answer to one step, and whether an earlier try of it had an unknown outcome. */
    private record Step(Api.Answer answer, boolean wasUnknown) {

        /**
         * What the client may conclude. A refusal after an unknown try is still unknown: the first try may have done it
         * (a retried capture is then refused as "already captured").
         */
        Told told() {
            if (answer.ok()) {
                return Told.ACKNOWLEDGED;
            }
            return wasUnknown || answer.unknown() ? Told.UNKNOWN : Told.REJECTED;
        }
    }

    private Step call(Api api, String path, String json, ChaosPayment payment, String step) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean wasUnknown = false;
        long backoff = 500;
        while (true) {
            Api.Answer answer = api.post(path, json, payment.key(step));
            boolean retry = answer.unknown() || answer.status() == 409 && STILL_RUNNING.contains(
                    answer.text("/error_type"));
            if (!retry || System.nanoTime() + backoff * 1_000_000 > deadline) {
                if (answer.ok() && wasUnknown) {
                    payment.answeredAfterUnknown++;
                }
                if (!answer.ok() && !answer.unknown()) {
                    payment.refusals.add(step + " " + answer.status() + " " + answer.text("/error_type"));
                }
                return new Step(answer, wasUnknown);
            }
            wasUnknown |= answer.unknown();
            payment.retries++;
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Step(answer, wasUnknown);
            }
            backoff = Math.min(backoff * 2, 5_000);
        }
    }
}
