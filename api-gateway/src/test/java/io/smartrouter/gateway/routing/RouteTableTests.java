package io.smartrouter.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

class RouteTableTests {

    @ParameterizedTest(name = "{0} {1} → {2} (public key: {3})")
    @CsvSource({
        "POST, /invoices, invoice, false",
        "GET, /invoices, invoice, false",
        "GET, /invoices/iv_1, invoice, false",
        "POST, /invoices/iv_1/customers, invoice, false",
        "PUT, /invoices/iv_1/fulfillment, invoice, false",
        "POST, /invoices/iv_1/authorize, payment, true",
        "GET, /invoices/iv_1/authorize, payment, false",
        "POST, /invoices/iv_1/capture, payment, false",
        "POST, /invoices/iv_1/void, payment, false",
        "POST, /invoices/iv_1/refunds, payment, false",
        "GET, /invoices/iv_1/transactions, payment, false",
        "GET, /transactions, payment, false",
        "GET, /transactions/tr_1, payment, false",
        "PUT, /gateway-configurations/gway_conf_1, payment, false",
        "PUT, /routing-rules, payment, false",
        "POST, /three-d-s/tr_1/complete, payment, true",
        "POST, /cards, vault, true",
        "GET, /cards/card_1, vault, false",
        "DELETE, /cards/card_1, vault, false",
        "GET, /iins/424242, vault, true",
        "POST, /customers/cust_1/tokens, vault, false",
        "GET, /events, webhook, false",
        "POST, /events/ev_1/resend, webhook, false",
        "POST, /webhook-endpoints/whep_1/replay, webhook, false"
    })
    void routesEachPublicPathToItsService(String method, String path, String service, boolean publicKey) {
        assertThat(RouteTable.resolve(HttpMethod.valueOf(method), path))
                .contains(new RouteTable.Route(service, publicKey, false));
    }

    @Test
    void onlyTheChallengePageMayBeOpenedFromALink() {
        assertThat(RouteTable.resolve(HttpMethod.GET, "/three-d-s/tr_op_1"))
                .contains(new RouteTable.Route(RouteTable.PAYMENT, true, true));
        assertThat(RouteTable.resolve(HttpMethod.GET, "/three-d-s/tr_op_1/challenge"))
                .contains(new RouteTable.Route(RouteTable.PAYMENT, true, false));
        assertThat(RouteTable.resolve(HttpMethod.POST, "/three-d-s/tr_op_1"))
                .contains(new RouteTable.Route(RouteTable.PAYMENT, true, false));
    }

    @ParameterizedTest(name = "{0} {1} has no route")
    @CsvSource({
        "GET, /", "GET, /admin/projects", "GET, /openapi.json", "GET, /invoices/iv_1/unknown",
        "GET, /invoicesx", "GET, /invoices/iv_1/customers/x", "GET, /actuatorx", "GET, /routing-rules/1",
        "POST, /internal/cards/card_1/detokenize", "POST, /internal/tokens/tok_1/detokenize",
        "POST, /internal/keys/rotate", "POST, /cards/../internal/keys/rotate", "GET, /cards/./card_1",
        "POST, /cards/%2e%2e/internal/keys/rotate", "GET, /cards/card_1%2F..", "GET, /cards//card_1",
        "GET, /cards/..", "GET, /customers/\\..\\internal"
    })
    void answersNothingForUnknownPaths(String method, String path) {
        assertThat(RouteTable.resolve(HttpMethod.valueOf(method), path)).isEmpty();
    }
}
