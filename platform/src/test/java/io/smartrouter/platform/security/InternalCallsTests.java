package io.smartrouter.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.web.RequestIds;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class InternalCallsTests {

    private static final String SERVICE_SECRET = "a-service-secret-that-is-long-enough-for-hmac";
    private static final ProjectId DEMO = new ProjectId("test-proj_demo");

    private final InternalCalls internalCalls = new InternalCalls(SERVICE_SECRET, Clock.systemUTC());

    @Test
    void aNewCallCarriesAFreshRequestIdAndIsVerifiedAsTheProjectsInternalCaller() {
        HttpHeaders first = headers("POST", "/internal/cards/card_1/detokenize");
        HttpHeaders second = headers("POST", "/internal/cards/card_1/detokenize");
        String requestId = first.getFirst(RequestIds.HEADER);

        assertThat(requestId).startsWith("req_").isNotEqualTo(second.getFirst(RequestIds.HEADER));
        assertThat(internalCalls.verify(first, "POST", "/internal/cards/card_1/detokenize", requestId))
                .contains(new ProjectContext(DEMO, KeyType.SERVICE));
        assertThat(internalCalls.verify(first, "GET", "/internal/cards/card_1/detokenize", requestId)).isEmpty();
    }

    @Test
    void aRequestTheGatewaySignedIsNoInternalCall() {
        HttpHeaders gatewaySigned = new HttpHeaders();
        new ServiceAuthentication(SERVICE_SECRET, Clock.systemUTC()).sign(gatewaySigned,
                new ProjectContext(DEMO, KeyType.SECRET), "GET", "/internal/invoices/iv_1", "req-1");

        assertThat(internalCalls.verify(gatewaySigned, "GET", "/internal/invoices/iv_1", "req-1")).isEmpty();
    }

    private HttpHeaders headers(String method, String path) {
        HttpHeaders headers = new HttpHeaders();
        internalCalls.headers(DEMO, method, path).accept(headers);
        return headers;
    }
}
