package io.smartrouter.bench;

import io.smartrouter.bench.ChaosPayment.Scenario;
import io.smartrouter.bench.ChaosPayment.Told;

/**
 * Makes the crash test's payments through the public API, as a merchant would: one call after the other, stopping a
 * payment at the first step that was not acknowledged (its outcome is then the verdict's business).
 */
final class ChaosWorkload {

    private final Api secret;
    private final Api publicKey;

    ChaosWorkload(Api secret, Api publicKey) {
        this.secret = secret;
        this.publicKey = publicKey;
    }

    ChaosPayment run(Scenario scenario) {
        ChaosPayment payment = new ChaosPayment(scenario);
        Api.Answer invoice = secret.post("/invoices", "{\"name\":\"Crash test " + scenario + "\",\"amount\":\""
                + ChaosPayment.AMOUNT + "\",\"currency\":\"USD\"}", payment.key("invoice"));
        if (!invoice.ok()) {
            return payment;
        }
        payment.invoiceId = invoice.text("/invoice/id");
        Api.Answer card = publicKey.post("/cards", CitFlow.CARD, payment.key("card"));
        if (!card.ok()) {
            return payment;
        }
        String source = "{\"source\":\"" + card.text("/card/id") + "\"}";
        String invoicePath = "/invoices/" + payment.invoiceId;
        if (scenario == Scenario.SALE) {
            payment.capture = ChaosPayment.told(secret.post(invoicePath + "/capture", source, payment.key("capture")));
            payment.authorize = payment.capture;
            return payment;
        }
        payment.authorize = ChaosPayment.told(publicKey.post(invoicePath + "/authorize", source,
                payment.key("authorize")));
        if (payment.authorize != Told.ACKNOWLEDGED) {
            return payment;
        }
        if (scenario == Scenario.VOID) {
            payment.voided = ChaosPayment.told(secret.post(invoicePath + "/void", "{}", payment.key("void")));
            return payment;
        }
        payment.capture = ChaosPayment.told(secret.post(invoicePath + "/capture",
                "{\"amount\":\"" + payment.captureAmount() + "\"}", payment.key("capture")));
        if (scenario == Scenario.PARTIAL_REFUND && payment.capture == Told.ACKNOWLEDGED) {
            payment.refund = ChaosPayment.told(secret.post(invoicePath + "/refunds",
                    "{\"amount\":\"" + ChaosPayment.PARTIAL_REFUND + "\"}", payment.key("refund")));
        }
        return payment;
    }
}
