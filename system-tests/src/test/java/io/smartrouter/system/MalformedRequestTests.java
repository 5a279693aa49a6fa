package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests through the gateway to every service: each gets its precise status and {@code error_type} in the
 * error envelope, and none a 5xx. {@code {invoice}}, {@code {customer}} and {@code {card}} in a path or body are real
 * objects of the demo project, so that the body, not a missing object, is what is wrong.
 */
@ExtendWith(RunningPlatform.class)
class MalformedRequestTests {

    static final String JSON = "application/json";
    static final String ORDER = "{\"name\":\"Order\",\"amount\":\"10.00\",\"currency\":\"USD\"}";
    static final int NEXT_YEAR = Year.now().getValue() + 1;
    private static Map<String, String> objects;

    /** A request and the answer it must get. {@code auth}: secret, public, none, or a raw Authorization header. */
    record Case(String name, String method, String path, String auth, String contentType, String body, int status,
            String errorType, String... headers) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Case invoice(String name, String body, int status, String errorType) {
        return new Case(name, "POST", "/invoices", "secret", JSON, body, status, errorType);
    }

    static Case card(String name, String body, int status, String errorType) {
        return new Case(name, "POST", "/cards", "public", JSON, body, status, errorType);
    }

    static String order(String field, String json) {
        return "{\"name\":\"Order\",\"amount\":\"10.00\",\"currency\":\"USD\",\"" + field + "\":" + json + "}";
    }

    static String cardBody(String number, String month, String year, String cvc) {
        return "{\"number\":" + number + ",\"exp_month\":" + month + ",\"exp_year\":" + year + ",\"cvc2\":" + cvc + "}";
    }

    static Stream<Case> cases() {
        String validYear = Integer.toString(NEXT_YEAR);
        String tooDeep = "{\"metadata\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
        String manyKeys = IntStream.range(0, 51).mapToObj(i -> "\"k" + i + "\":\"v\"").collect(Collectors.joining(",", "{", "}"));
        return Stream.of(
                // JSON syntax
                invoice("truncated JSON", "{\"name\":", 400, "request.validation.invalid-json"),
                invoice("not JSON at all", "name=Order", 400, "request.validation.invalid-json"),
                invoice("an array instead of an object", "[]", 400, "request.validation.invalid-json"),
                invoice("a JSON string instead of an object", "\"order\"", 400, "request.validation.invalid-json"),
                invoice("the JSON literal null", "null", 400, "request.validation.invalid-json"),
                invoice("an empty body", "", 400, "request.validation.invalid-json"),
                invoice("trailing garbage after the object", ORDER + " {}", 400, "request.validation.invalid-json"),
                // Binding stops at the first wrong token, so the 3000 levels are never parsed.
                invoice("arrays nested 3000 levels deep as metadata", tooDeep, 400, "request.validation.invalid-type"),
                // Fields: unknown, missing, null, wrong types
                invoice("an unknown field", order("colour", "\"red\""), 400, "request.validation.unknown-field"),
                invoice("a misspelt field", "{\"nme\":\"Order\",\"amount\":\"10.00\",\"currency\":\"USD\"}", 400,
                        "request.validation.unknown-field"),
                invoice("missing name", "{\"amount\":\"10.00\",\"currency\":\"USD\"}", 400, "request.validation.missing-field"),
                invoice("missing amount", "{\"name\":\"Order\",\"currency\":\"USD\"}", 400, "request.validation.missing-field"),
                invoice("missing currency", "{\"name\":\"Order\",\"amount\":\"10.00\"}", 400, "request.validation.missing-field"),
                invoice("null name", "{\"name\":null,\"amount\":\"10.00\",\"currency\":\"USD\"}", 400,
                        "request.validation.missing-field"),
                invoice("an empty object", "{}", 400, "request.validation.missing-field"),
                invoice("a number as name", "{\"name\":42,\"amount\":\"10.00\",\"currency\":\"USD\"}", 400,
                        "request.validation.invalid-type"),
                invoice("a number as amount", "{\"name\":\"Order\",\"amount\":10.00,\"currency\":\"USD\"}", 400,
                        "request.validation.invalid-type"),
                invoice("a number as currency", "{\"name\":\"Order\",\"amount\":\"10.00\",\"currency\":840}", 400,
                        "request.validation.invalid-type"),
                invoice("an object as name", "{\"name\":{},\"amount\":\"10.00\",\"currency\":\"USD\"}", 400,
                        "request.validation.invalid-type"),
                invoice("a string as quantity", order("details", "[{\"name\":\"x\",\"amount\":\"10.00\",\"quantity\":\"1\"}]"),
                        400, "request.validation.invalid-type"),
                invoice("metadata values must be strings", order("metadata", "{\"k\":1}"), 400,
                        "request.validation.invalid-type"),
                invoice("51 metadata keys", order("metadata", manyKeys), 400, "request.validation.invalid-field"),
                invoice("an unknown initiation type", order("initiation_type", "\"sometimes\""), 400,
                        "request.validation.invalid-field"),
                invoice("a capture time that is not RFC 3339", order("auto_capture_at", "\"tomorrow\""), 400,
                        "request.validation.invalid-field"),
                invoice("a return URL that is not http(s)", order("return_url", "\"javascript:alert(1)\""), 400,
                        "request.validation.invalid-field"),
                invoice("a name of 10,000 characters", "{\"name\":\"" + "n".repeat(10_000)
                        + "\",\"amount\":\"10.00\",\"currency\":\"USD\"}", 400, "request.validation.invalid-field"),
                // Amounts and currencies
                invoice("too many decimals for USD", "{\"name\":\"O\",\"amount\":\"10.001\",\"currency\":\"USD\"}", 400,
                        "request.validation.invalid-amount"),
                invoice("decimals for JPY", "{\"name\":\"O\",\"amount\":\"10.5\",\"currency\":\"JPY\"}", 400,
                        "request.validation.invalid-amount"),
                invoice("a negative amount", "{\"name\":\"O\",\"amount\":\"-1.00\",\"currency\":\"USD\"}", 400,
                        "request.validation.invalid-amount"),
                invoice("a zero amount", "{\"name\":\"O\",\"amount\":\"0.00\",\"currency\":\"USD\"}", 400,
                        "request.validation.invalid-amount"),
                invoice("a word as amount", "{\"name\":\"O\",\"amount\":\"ten\",\"currency\":\"USD\"}", 400,
                        "request.validation.invalid-amount"),
                invoice("an exponent as amount", "{\"name\":\"O\",\"amount\":\"1e3\",\"currency\":\"USD\"}", 400,
                        "request.validation.invalid-amount"),
                invoice("an amount beyond any long", "{\"name\":\"O\",\"amount\":\"99999999999999999999999\","
                        + "\"currency\":\"USD\"}", 400, "request.validation.invalid-amount"),
                invoice("line items that do not add up", order("details", "[{\"name\":\"x\",\"amount\":\"3.00\"}]"), 400,
                        "request.validation.invalid-amount"),
                invoice("an unknown currency", "{\"name\":\"O\",\"amount\":\"10.00\",\"currency\":\"ABC\"}", 400,
                        "request.validation.invalid-currency"),
                invoice("a currency name instead of a code", "{\"name\":\"O\",\"amount\":\"10.00\",\"currency\":\"dollar\"}",
                        400, "request.validation.invalid-currency"),
                // Content types, sizes, methods, routes
                new Case("text/plain instead of JSON", "POST", "/invoices", "secret", "text/plain", ORDER, 415,
                        "request.content-type.unsupported"),
                new Case("XML", "POST", "/customers", "secret", "application/xml", "<customer/>", 415,
                        "request.content-type.unsupported"),
                new Case("a form", "POST", "/cards", "public", "application/x-www-form-urlencoded", "number=4242", 415,
                        "request.content-type.unsupported"),
                invoice("a body over the size limit", "{\"name\":\"" + "x".repeat(300_000) + "\"}", 413,
                        "request.body.too-large"),
                new Case("DELETE on the invoice list", "DELETE", "/invoices", "secret", null, null, 405,
                        "request.method.not-allowed"),
                new Case("PATCH on an invoice", "PATCH", "/invoices/{invoice}", "secret", JSON, "{}", 405,
                        "request.method.not-allowed"),
                new Case("PUT on a card", "PUT", "/cards/{card}", "secret", JSON, "{}", 405, "request.method.not-allowed"),
                new Case("an unknown route", "GET", "/payments", "secret", null, null, 404, "request.route.not-found"),
                new Case("a dot-dot path", "GET", "/cards/../internal/keys/rotate", "secret", null, null, 404,
                        "request.route.not-found"),
                // Ids and list parameters
                new Case("a malformed invoice id", "GET", "/invoices/not-an-id", "secret", null, null, 404,
                        "resource.invoice.not-found"),
                new Case("an unknown invoice id", "GET", "/invoices/iv_aaaaaaaaaaaaaaaaaaaaaaaaaa", "secret", null, null,
                        404, "resource.invoice.not-found"),
                new Case("an unknown transaction id", "GET", "/transactions/tr_aaaaaaaaaaaaaaaaaaaaaaaaaa", "secret", null,
                        null, 404, "resource.transaction.not-found"),
                new Case("an unknown customer id", "GET", "/customers/cust_aaaaaaaaaaaaaaaaaaaaaaaaaa", "secret", null,
                        null, 404, "resource.customer.not-found"),
                new Case("an unknown card id", "GET", "/cards/card_aaaaaaaaaaaaaaaaaaaaaaaaaa", "secret", null, null, 404,
                        "resource.card.not-found"),
                new Case("limit 0", "GET", "/invoices?limit=0", "secret", null, null, 400, "request.validation.invalid-field"),
                new Case("limit 101", "GET", "/customers?limit=101", "secret", null, null, 400,
                        "request.validation.invalid-field"),
                new Case("a word as limit", "GET", "/transactions?limit=ten", "secret", null, null, 400,
                        "request.validation.invalid-field"),
                new Case("an unknown order", "GET", "/invoices?order=sideways", "secret", null, null, 400,
                        "request.validation.invalid-field"),
                new Case("an unknown list parameter", "GET", "/invoices?colour=red", "secret", null, null, 400,
                        "request.validation.invalid-field"),
                new Case("a cursor that is not an id", "GET", "/invoices?start_after=nope", "secret", null, null, 400,
                        "request.validation.invalid-field"),
                // Cards
                card("a number failing the Luhn check", cardBody("\"4242424242424241\"", "12", validYear, "\"123\""), 400,
                        "card.invalid-number"),
                card("a number of letters", cardBody("\"4242abcd42424242\"", "12", validYear, "\"123\""), 400,
                        "card.invalid-number"),
                card("month 13", cardBody("\"4242424242424242\"", "13", validYear, "\"123\""), 400,
                        "card.invalid-expiry-date"),
                card("an expired card", cardBody("\"4242424242424242\"", "12", "2000", "\"123\""), 400,
                        "card.invalid-expiry-date"),
                card("a CVC with a letter", cardBody("\"4242424242424242\"", "12", validYear, "\"12a\""), 400,
                        "card.invalid-cvc"),
                card("the card number as a JSON number", cardBody("4242424242424242", "12", validYear, "\"123\""), 400,
                        "request.validation.invalid-type"),
                card("the month as a string", cardBody("\"4242424242424242\"", "\"12\"", validYear, "\"123\""), 400,
                        "request.validation.invalid-type"),
                card("no number", "{\"exp_month\":12,\"exp_year\":" + validYear + "}", 400, "request.validation.missing-field"),
                // Payments on a real invoice
                new Case("capture with a word as amount", "POST", "/invoices/{invoice}/capture", "secret", JSON,
                        "{\"amount\":\"abc\"}", 400, "request.validation.invalid-amount"),
                new Case("a refund without amount", "POST", "/invoices/{invoice}/refunds", "secret", JSON, "{}", 400,
                        "request.validation.missing-field"),
                new Case("authorize without source", "POST", "/invoices/{invoice}/authorize", "secret", JSON, "{}", 400,
                        "request.validation.missing-field"),
                // The payment service asks the invoice service before it says so (ADR 0025).
                new Case("authorizing an unknown invoice", "POST", "/invoices/iv_aaaaaaaaaaaaaaaaaaaaaaaaaa/authorize",
                        "public", JSON, "{\"source\":\"{card}\"}", 404, "resource.invoice.not-found"),
                new Case("an unknown fulfillment status", "PUT", "/invoices/{invoice}/fulfillment", "secret", JSON,
                        "{\"status\":\"teleported\"}", 400, "request.validation.invalid-field"),
                new Case("a customer id that is a number", "POST", "/invoices/{invoice}/customers", "secret", JSON,
                        "{\"customer_id\":7}", 400, "request.validation.invalid-type"),
                // The invoice service asks the vault before it says so (ADR 0025).
                new Case("assigning an unknown customer", "POST", "/invoices/{invoice}/customers", "secret", JSON,
                        "{\"customer_id\":\"cust_aaaaaaaaaaaaaaaaaaaaaaaaaa\"}", 404, "resource.customer.not-found"),
                // Customers
                new Case("an email without @", "POST", "/customers", "secret", JSON, "{\"email\":\"ada.example.com\"}",
                        400, "request.validation.invalid-field"),
                new Case("a three-letter country code", "PUT", "/customers/{customer}", "secret", JSON,
                        "{\"country_code\":\"USA\"}", 400, "request.validation.invalid-field"),
                // Authentication and headers
                new Case("no credentials", "GET", "/invoices", "none", null, null, 401, "request.authentication.invalid"),
                new Case("a wrong secret key", "GET", "/invoices", "Basic "
                        + java.util.Base64.getEncoder().encodeToString("test-proj_demo:key_test_wrong".getBytes()), null,
                        null, 401, "request.authentication.invalid"),
                new Case("Basic that is not base64", "GET", "/invoices", "Basic %%%", null, null, 401,
                        "request.authentication.invalid"),
                new Case("a bearer token on the merchant API", "GET", "/invoices", "Bearer op_local_dev", null, null, 401,
                        "request.authentication.invalid"),
                new Case("the public key creating an invoice", "POST", "/invoices", "public", JSON, ORDER, 401,
                        "request.authentication.secret-key-required"),
                new Case("the public key reading a card", "GET", "/cards/{card}", "public", null, null, 401,
                        "request.authentication.secret-key-required"),
                new Case("project credentials on the admin API", "GET", "/admin/projects", "secret", null, null, 401,
                        "request.authentication.invalid"),
                new Case("an idempotency key of 256 characters", "POST", "/invoices", "secret", JSON, ORDER, 400,
                        "request.idempotency.invalid-key", "Idempotency-Key", "k".repeat(256)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEachMalformedRequestPrecisely(Case request, RunningPlatform running) {
        Map<String, String> ids = objects(running);
        ApiClient client = switch (request.auth()) {
            case "secret" -> running.demo();
            case "public" -> running.demoPublicKey();
            case "none" -> running.as(null, null);
            default -> running.withAuthorization(request.auth());
        };
        var response = client.send(request.method(), CrossProjectIsolationTests.fill(request.path(), ids),
                request.contentType(), request.body() == null ? null : CrossProjectIsolationTests.fill(request.body(), ids),
                request.headers());
        assertThat(response.status()).as(response.raw().body()).isLessThan(500).isEqualTo(request.status());
        assertThat(response.json()).as("an error envelope: " + response.raw().body()).isNotNull();
        assertThat(response.text("/success")).isEqualTo("false");
        assertThat(response.text("/error_type")).as(response.raw().body()).isEqualTo(request.errorType());
    }

    private static synchronized Map<String, String> objects(RunningPlatform running) {
        if (objects == null) {
            var demo = running.demo();
            String invoice = demo.post("/invoices", ORDER).text("/invoice/id");
            String customer = demo.post("/customers", "{\"email\":\"malformed@example.com\"}").text("/customer/id");
            String card = running.demoPublicKey().post("/cards", "{\"number\":\"4242424242424242\",\"exp_month\":12,"
                    + "\"exp_year\":" + NEXT_YEAR + ",\"cvc2\":\"123\"}").text("/card/id");
            objects = Map.of("invoice", invoice, "customer", customer, "card", card);
        }
        return objects;
    }
}
