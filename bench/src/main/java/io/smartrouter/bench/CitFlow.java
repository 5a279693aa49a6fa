package io.smartrouter.bench;

import java.util.concurrent.CompletableFuture;

/**
 * One customer-initiated checkout through the public API, as a merchant's server and checkout page make it: create the
 * invoice (secret key), tokenize the card (public key), authorize with the one-time card token (public key), capture
 * (secret key). Four calls, each crossing the gateway and one service.
 */
final class CitFlow {

    static final String CREATE_INVOICE = "create invoice";
    static final String TOKENIZE = "tokenize card";
    static final String AUTHORIZE = "authorize";
    static final String CAPTURE = "capture";
    static final String[] CALLS = {CREATE_INVOICE, TOKENIZE, AUTHORIZE, CAPTURE};

    private static final String INVOICE = "{\"name\":\"Benchmark order\",\"amount\":\"10.00\",\"currency\":\"USD\"}";
    /** The sandbox's always-approved Visa test card (API.md), as a checkout page sends it to the vault. */
    static final String CARD = "{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,"
            + "\"cvc2\":\"123\"}";

    private final JsonCalls calls;
    private final String secret;
    private final String publicKey;

    CitFlow(JsonCalls calls, String project, String secretKey) {
        this.calls = calls;
        this.secret = JsonCalls.basic(project, secretKey);
        this.publicKey = JsonCalls.basic(project, "");
    }

    /** Runs one flow; completes with true when all four calls succeeded. */
    CompletableFuture<Boolean> run(Latencies latencies) {
        return calls.post(CREATE_INVOICE, "/invoices", secret, INVOICE, latencies)
                .thenCompose(invoice -> calls.post(TOKENIZE, "/cards", publicKey, CARD, latencies)
                        .thenCompose(card -> {
                            String invoiceId = invoice.at("/invoice/id").asString();
                            String source = "{\"source\":\"" + card.at("/card/id").asString() + "\"}";
                            return calls.post(AUTHORIZE, "/invoices/" + invoiceId + "/authorize", publicKey, source,
                                            latencies)
                                    .thenCompose(authorized -> calls.post(CAPTURE,
                                            "/invoices/" + invoiceId + "/capture", secret, "{}", latencies));
                        }))
                .thenApply(captured -> "completed".equals(captured.at("/transaction/status").asString()));
    }
}
