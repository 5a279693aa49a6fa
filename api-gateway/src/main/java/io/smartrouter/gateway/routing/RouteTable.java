package io.smartrouter.gateway.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;

/**
 * Which service answers which public path (DESIGN.md), and the few calls the public key may make (API.md). The
 * first matching rule wins, so the payment calls under {@code /invoices/{id}/…} come before the invoice rule.
 */
public final class RouteTable {

    public static final String INVOICE = "invoice";
    public static final String VAULT = "vault";
    public static final String PAYMENT = "payment";
    public static final String WEBHOOK = "webhook";

    private static final String ID = "[^/]+";
    private static final Pattern AMBIGUOUS = Pattern.compile("(^|/)\\.{1,2}(/|$)|//|\\\\|%2[eEfF]|%5[cC]");
    private static final List<Rule> SERVICES = List.of(
            new Rule(null, "/invoices/" + ID + "/(authorize|capture|void|refunds|transactions)(/.*)?", PAYMENT),
            new Rule(null, "/invoices(/" + ID + "(/(customers|fulfillment))?)?", INVOICE),
            new Rule(null, "/transactions(/.*)?", PAYMENT),
            new Rule(null, "/gateway-configurations(/.*)?", PAYMENT),
            new Rule(null, "/routing-rules", PAYMENT),
            new Rule(null, "/three-d-s(/.*)?", PAYMENT),
            new Rule(null, "/cards(/.*)?", VAULT),
            new Rule(null, "/iins(/.*)?", VAULT),
            new Rule(null, "/customers(/.*)?", VAULT),
            new Rule(null, "/events(/.*)?", WEBHOOK),
            new Rule(null, "/webhook-endpoints(/.*)?", WEBHOOK));
    private static final List<Rule> PUBLIC_KEY_CALLS = List.of(
            new Rule(HttpMethod.POST, "/cards", VAULT),
            new Rule(HttpMethod.POST, "/invoices/" + ID + "/authorize", PAYMENT),
            new Rule(null, "/three-d-s(/.*)?", PAYMENT),
            new Rule(HttpMethod.GET, "/iins/" + ID, VAULT));
    /**
     * Pages a customer's browser opens from a link (the 3-D Secure challenge a checkout redirects to): a redirect
     * cannot carry credentials, so the link names the project, and the gateway takes that as its public key.
     */
    private static final List<Rule> LINKED_PAGES = List.of(
            new Rule(HttpMethod.GET, "/three-d-s/" + ID, PAYMENT));

    private RouteTable() {
    }

    /**
     * The route of a request, or empty when no service answers that path. A path with dot segments, empty segments,
     * backslashes or encoded slashes and dots has no route: a service could resolve it to a different path than the
     * one matched here (e.g. {@code /cards/../internal/…}).
     */
    public static Optional<Route> resolve(HttpMethod method, String path) {
        if (AMBIGUOUS.matcher(path).find()) {
            return Optional.empty();
        }
        return SERVICES.stream().filter(rule -> rule.matches(method, path)).findFirst()
                .map(rule -> new Route(rule.service(),
                        PUBLIC_KEY_CALLS.stream().anyMatch(call -> call.matches(method, path)),
                        LINKED_PAGES.stream().anyMatch(page -> page.matches(method, path))));
    }

    /**
     * Where a request goes, whether the project's public key may make it, and whether it is a page opened from a link
     * (then a request without credentials may name its project in the {@code project_id} query parameter instead).
     */
    public record Route(String service, boolean publicKeyAllowed, boolean linkedPage) {
    }

    private record Rule(HttpMethod method, Pattern path, String service) {
        Rule(HttpMethod method, String path, String service) {
            this(method, Pattern.compile(path), service);
        }

        boolean matches(HttpMethod requestMethod, String requestPath) {
            return (method == null || method.equals(requestMethod)) && path.matcher(requestPath).matches();
        }
    }
}
