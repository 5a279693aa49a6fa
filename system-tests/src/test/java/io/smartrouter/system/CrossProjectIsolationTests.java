package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project B cannot read, list, change or pay project A's objects: one row per resource type, each with what A creates
 * and every request B then tries. A resource type added later (events, webhook endpoints, gateway configurations,
 * routing rules) is one more row. Both projects are created with the operator's admin API, as a merchant's would be.
 */
@ExtendWith(RunningPlatform.class)
class CrossProjectIsolationTests {

    static final int NEXT_YEAR = Year.now().getValue() + 1;

    /**
     * A resource type: what A creates ({@code ids} by name, e.g. {@code id}, {@code invoice}), the requests B makes
     * with its secret key (path and body templates with {@code {name}} placeholders), the lists that must not show A's
     * object, and a check that A's object is unchanged afterwards.
     */
    record Resource(String name, Function<Setup, Map<String, String>> create, List<Attempt> attempts,
            List<String> lists, List<Attempt> stillThereForA) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A request; {@code publicKey}: made with B's public key rather than its secret key. */
    record Attempt(String method, String path, String body, int status, boolean publicKey) {

        static Attempt secret(String method, String path, String body, int status) {
            return new Attempt(method, path, body, status, false);
        }

        static Attempt browser(String method, String path, String body, int status) {
            return new Attempt(method, path, body, status, true);
        }
    }

    /** The two projects (B also has objects of its own to point at A's). */
    record Setup(RunningPlatform running, RunningPlatform.Project a, RunningPlatform.Project b) {

        String card(RunningPlatform.Project project, String number) {
            var card = project.publicKey().post("/cards", "{\"number\":\"" + number + "\",\"exp_month\":12,\"exp_year\":"
                    + NEXT_YEAR + ",\"cvc2\":\"123\"}");
            assertThat(card.status()).as(card.raw().body()).isEqualTo(200);
            return card.text("/card/id");
        }

        String invoice(RunningPlatform.Project project, String extra) {
            var invoice = project.secret().post("/invoices", "{\"name\":\"Isolation\",\"amount\":\"20.00\","
                    + "\"currency\":\"EUR\"" + extra + "}");
            assertThat(invoice.status()).as(invoice.raw().body()).isEqualTo(200);
            return invoice.text("/invoice/id");
        }

        String customer(RunningPlatform.Project project) {
            var customer = project.secret().post("/customers", "{\"email\":\"isolated@example.com\"}");
            assertThat(customer.status()).as(customer.raw().body()).isEqualTo(200);
            return customer.text("/customer/id");
        }

        String gatewayConfiguration(RunningPlatform.Project project) {
            var created = project.secret().post("/gateway-configurations",
                    "{\"gateway\":\"sandbox\",\"name\":\"Isolated\",\"enabled\":true,\"settings\":{}}");
            assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
            return created.text("/gateway_configuration/id");
        }

        String webhookEndpoint(RunningPlatform.Project project) {
            var created = project.secret().post("/webhook-endpoints",
                    "{\"url\":\"http://127.0.0.1:9/isolated\",\"events\":[\"*\"]}");
            assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
            return created.text("/webhook_endpoint/id");
        }

        /** A public event of A: its invoice's creation, once the dispatcher has it from Kafka. */
        String event(RunningPlatform.Project project) {
            invoice(project, "");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                var events = project.secret().get("/events?type=invoice.created&limit=1");
                if (events.status() == 200 && !events.json().get("events").isEmpty()) {
                    return events.text("/events/0/id");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("The invoice's public event did not appear within 30 s");
        }

        /** An invoice of A, authorized with A's card: B capturing, voiding or refunding it would succeed otherwise. */
        Map<String, String> authorizedInvoice() {
            String invoice = invoice(a, "");
            var authorized = a.publicKey().post("/invoices/" + invoice + "/authorize",
                    "{\"source\":\"" + card(a, "4242424242424242") + "\"}");
            assertThat(authorized.status()).as(authorized.raw().body()).isEqualTo(200);
            return Map.of("id", invoice, "transaction", authorized.text("/transaction/id"),
                    "b_card", card(b, "4242424242424242"));
        }
    }

    static Stream<Resource> resources() {
        return Stream.of(
                new Resource("invoice", setup -> Map.of("id", setup.invoice(setup.a(), ""),
                        "b_customer", setup.customer(setup.b())),
                        List.of(Attempt.secret("GET", "/invoices/{id}", null, 404),
                                Attempt.secret("POST", "/invoices/{id}/customers", "{\"customer_id\":\"{b_customer}\"}", 404),
                                Attempt.secret("PUT", "/invoices/{id}/fulfillment", "{\"status\":\"processing\"}", 404)),
                        List.of("/invoices?limit=100"),
                        List.of(Attempt.secret("GET", "/invoices/{id}", null, 200))),
                new Resource("payment on an invoice", Setup::authorizedInvoice,
                        List.of(Attempt.browser("POST", "/invoices/{id}/authorize", "{\"source\":\"{b_card}\"}", 404),
                                Attempt.secret("POST", "/invoices/{id}/capture", "{}", 404),
                                Attempt.secret("POST", "/invoices/{id}/capture", "{\"amount\":\"5.00\"}", 404),
                                Attempt.secret("POST", "/invoices/{id}/void", "{}", 404),
                                Attempt.secret("POST", "/invoices/{id}/refunds", "{\"amount\":\"1.00\"}", 404),
                                Attempt.secret("GET", "/invoices/{id}/transactions", null, 404)),
                        List.of(),
                        List.of(Attempt.secret("POST", "/invoices/{id}/capture", "{}", 200))),
                new Resource("transaction", Setup::authorizedInvoice,
                        List.of(Attempt.secret("GET", "/transactions/{transaction}", null, 404)),
                        List.of("/transactions?limit=100"),
                        List.of(Attempt.secret("GET", "/transactions/{transaction}", null, 200))),
                new Resource("card", setup -> Map.of("id", setup.card(setup.a(), "4242424242424242"),
                        "b_invoice", setup.invoice(setup.b(), ""), "b_customer", setup.customer(setup.b())),
                        List.of(Attempt.secret("GET", "/cards/{id}", null, 404),
                                Attempt.secret("DELETE", "/cards/{id}", null, 404),
                                Attempt.browser("POST", "/invoices/{b_invoice}/authorize", "{\"source\":\"{id}\"}", 404),
                                Attempt.secret("POST", "/invoices/{b_invoice}/capture", "{\"source\":\"{id}\"}", 404),
                                Attempt.secret("POST", "/customers/{b_customer}/tokens", "{\"source\":\"{id}\"}", 404)),
                        List.of(),
                        List.of(Attempt.secret("GET", "/cards/{id}", null, 200))),
                new Resource("customer", setup -> Map.of("id", setup.customer(setup.a()),
                        "b_card", setup.card(setup.b(), "5555555555554444")),
                        List.of(Attempt.secret("GET", "/customers/{id}", null, 404),
                                Attempt.secret("PUT", "/customers/{id}", "{\"first_name\":\"Mallory\"}", 404),
                                Attempt.secret("DELETE", "/customers/{id}", null, 404),
                                Attempt.secret("GET", "/customers/{id}/tokens", null, 404),
                                Attempt.secret("POST", "/customers/{id}/tokens", "{\"source\":\"{b_card}\"}", 404)),
                        List.of("/customers?limit=100"),
                        List.of(Attempt.secret("GET", "/customers/{id}", null, 200))),
                new Resource("customer token", setup -> {
                    String customer = setup.customer(setup.a());
                    var token = setup.a().secret().post("/customers/" + customer + "/tokens",
                            "{\"source\":\"" + setup.card(setup.a(), "4242424242424242") + "\"}");
                    assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
                    return Map.of("customer", customer, "id", token.text("/token/id"),
                            "b_invoice", setup.invoice(setup.b(), ",\"initiation_type\":\"mit\""));
                },
                        List.of(Attempt.secret("GET", "/customers/{customer}/tokens/{id}", null, 404),
                                Attempt.secret("DELETE", "/customers/{customer}/tokens/{id}", null, 404),
                                Attempt.secret("POST", "/invoices/{b_invoice}/capture", "{\"source\":\"{id}\"}", 404),
                                Attempt.secret("POST", "/invoices/{b_invoice}/authorize", "{\"source\":\"{id}\"}", 404)),
                        List.of(),
                        List.of(Attempt.secret("GET", "/customers/{customer}/tokens/{id}", null, 200))),
                new Resource("gateway configuration", setup -> Map.of("id", setup.gatewayConfiguration(setup.a())),
                        List.of(Attempt.secret("GET", "/gateway-configurations/{id}", null, 404),
                                Attempt.secret("PUT", "/gateway-configurations/{id}", "{\"name\":\"Mallory\"}", 404),
                                Attempt.secret("DELETE", "/gateway-configurations/{id}", null, 404),
                                // B's rules cannot route to A's gateway (a validation error naming the id)
                                Attempt.secret("PUT", "/routing-rules", "{\"rules\":[{\"name\":\"steal\",\"conditions\":[],"
                                        + "\"gateway_configuration_ids\":[\"{id}\"]}]}", 400)),
                        List.of("/gateway-configurations"),
                        List.of(Attempt.secret("GET", "/gateway-configurations/{id}", null, 200))),
                new Resource("webhook endpoint", setup -> Map.of("id", setup.webhookEndpoint(setup.a())),
                        List.of(Attempt.secret("GET", "/webhook-endpoints/{id}", null, 404),
                                Attempt.secret("PUT", "/webhook-endpoints/{id}",
                                        "{\"url\":\"http://127.0.0.1:9/mallory\",\"events\":[\"*\"]}", 404),
                                Attempt.secret("POST", "/webhook-endpoints/{id}/rotate-secret", "{}", 404),
                                Attempt.secret("POST", "/webhook-endpoints/{id}/replay",
                                        "{\"since\":\"2026-01-01T00:00:00Z\"}", 404),
                                Attempt.secret("DELETE", "/webhook-endpoints/{id}", null, 404)),
                        List.of("/webhook-endpoints?limit=100"),
                        List.of(Attempt.secret("GET", "/webhook-endpoints/{id}", null, 200))),
                new Resource("event", setup -> Map.of("id", setup.event(setup.a())),
                        List.of(Attempt.secret("GET", "/events/{id}", null, 404),
                                Attempt.secret("GET", "/events/{id}/webhooks", null, 404),
                                Attempt.secret("POST", "/events/{id}/resend", "{}", 404)),
                        List.of("/events?limit=100"),
                        List.of(Attempt.secret("GET", "/events/{id}", null, 200))),
                // BIN data is public reference data, the same for every project: not project-scoped by design.
                new Resource("iin (not project-scoped)", setup -> Map.of("id", "424242"),
                        List.of(Attempt.secret("GET", "/iins/{id}", null, 200), Attempt.browser("GET", "/iins/{id}", null, 200)),
                        List.of(),
                        List.of(Attempt.secret("GET", "/iins/{id}", null, 200))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void anotherProjectCannotReadListChangeOrPay(Resource resource, RunningPlatform running) {
        var setup = new Setup(running, running.newProject("Isolation A"), running.newProject("Isolation B"));
        Map<String, String> ids = resource.create().apply(setup);

        List<String> failures = new ArrayList<>();
        for (Attempt attempt : resource.attempts()) {
            ApiClient b = attempt.publicKey() ? setup.b().publicKey() : setup.b().secret();
            String path = fill(attempt.path(), ids);
            var response = b.send(attempt.method(), path, attempt.body() == null ? null : "application/json",
                    attempt.body() == null ? null : fill(attempt.body(), ids));
            if (response.status() != attempt.status()) {
                failures.add(attempt.method() + " " + path + " → " + response.status() + " " + response.raw().body());
            } else if (attempt.status() == 404) {
                assertThat(response.text("/error_type")).startsWith("resource.").endsWith(".not-found");
            }
        }
        assertThat(failures).as("B's requests on A's " + resource.name()).isEmpty();
        for (String list : resource.lists()) {
            var listed = setup.b().secret().get(list);
            assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
            assertThat(listed.raw().body()).doesNotContain(setup.a().id());
            ids.forEach((name, id) -> {
                if (!name.startsWith("b_")) {
                    assertThat(listed.raw().body()).as(list).doesNotContain(id);
                }
            });
        }
        for (Attempt check : resource.stillThereForA()) {
            ApiClient a = check.publicKey() ? setup.a().publicKey() : setup.a().secret();
            var response = a.send(check.method(), fill(check.path(), ids), check.body() == null ? null : "application/json",
                    check.body() == null ? null : fill(check.body(), ids));
            assertThat(response.status()).as("A after B's attempts: " + response.raw().body()).isEqualTo(check.status());
        }
    }

    static String fill(String template, Map<String, String> ids) {
        String filled = template;
        for (var id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }
}
