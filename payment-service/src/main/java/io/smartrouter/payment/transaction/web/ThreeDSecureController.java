package io.smartrouter.payment.transaction.web;

import io.smartrouter.payment.transaction.process.PaymentProcess;
import io.smartrouter.payment.transaction.query.TransactionView;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.events.EventMetadata;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.Fields;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The sandbox's 3-D Secure challenge (public key allowed, as for any checkout call): {@code GET} answers the challenge
 * page a checkout shows its customer; {@code POST {"result": "pass" | "fail"}} is the customer's answer, after which
 * the authorization continues at the PSP. A real PSP's challenge would be its issuer's page; the flow is the same.
 */
@RestController
class ThreeDSecureController {

    static final String PATH = "/three-d-s/";
    static final String CHALLENGE_REQUIRED = "challenge-required";
    private static final Pattern OPERATION = Pattern.compile("tr_op_[a-z2-7]{26}");

    private final PaymentProcess payments;

    ThreeDSecureController(PaymentProcess payments) {
        this.payments = payments;
    }

    /** The authorization operation a transaction waits on for 3-D Secure, if it does. */
    static Optional<String> challengeOf(TransactionView view) {
        if (!CHALLENGE_REQUIRED.equals(view.threeDSecureStatus())) {
            return Optional.empty();
        }
        return view.operations().stream()
                .filter(operation -> operation.type().equals("authorization") && operation.status().equals("pending"))
                .map(TransactionView.OperationView::id).reduce((first, last) -> last);
    }

    /**
     * The challenge page's public link, which names the project: a browser redirected to it sends no credentials, and
     * the gateway takes the project named there as its public key (its id).
     */
    static String link(String publicUrl, String operationId, ProjectContext caller) {
        return publicUrl + PATH + operationId + "?project_id="
                + URLEncoder.encode(caller.projectId().value(), StandardCharsets.UTF_8);
    }

    @GetMapping(path = "/three-d-s/{operationId}", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> page(@PathVariable String operationId, ProjectContext caller) {
        requireOperation(operationId);
        // Only ids that passed the pattern above and the project id (a public value) are written into the page.
        return Mono.just("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>3-D Secure (sandbox)</title></head>
                <body>
                <h1>Sandbox 3-D Secure challenge</h1>
                <p>Authenticate the payment %s?</p>
                <button id="pass">Pass</button> <button id="fail">Fail</button>
                <p id="outcome"></p>
                <script>
                async function answer(result) {
                  const response = await fetch('%s%s', {method: 'POST', headers: {'Content-Type': 'application/json',
                      'Authorization': 'Basic ' + btoa('%s:')}, body: JSON.stringify({result: result})});
                  document.getElementById('outcome').textContent = (await response.json()).success
                      ? 'Authenticated.' : 'Authentication failed.';
                }
                document.getElementById('pass').onclick = () => answer('pass');
                document.getElementById('fail').onclick = () => answer('fail');
                </script>
                </body></html>
                """.formatted(operationId, PATH, operationId, caller.projectId().value()));
    }

    @PostMapping(path = "/three-d-s/{operationId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> complete(@PathVariable String operationId, @RequestBody ChallengeResult request,
            ProjectContext caller, ServerWebExchange exchange) {
        requireOperation(operationId);
        boolean passed = request.passed();
        return payments.completeThreeDSecure(caller, operationId, passed, EventMetadata.forRequest(exchange, caller))
                .map(PaymentController::transaction);
    }

    private static void requireOperation(String operationId) {
        if (!OPERATION.matcher(operationId).matches()) {
            throw ApiException.notFound("three-d-s", "(malformed)");
        }
    }

    /** The customer's answer to the challenge. */
    record ChallengeResult(String result) {

        boolean passed() {
            if ("pass".equals(result)) {
                return true;
            }
            if ("fail".equals(result)) {
                return false;
            }
            throw Fields.invalid("result", "must be pass or fail");
        }
    }
}
