package io.smartrouter.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.platform.id.ProjectId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ServiceAuthenticationTests {

    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hmac";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ProjectContext DEMO = new ProjectContext(new ProjectId("test-proj_demo"), KeyType.SECRET);

    private final ServiceAuthentication gateway = new ServiceAuthentication(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedRequestIsVerified() {
        HttpHeaders headers = signed("POST", "/invoices", "req-1");
        assertThat(gateway.verify(headers, "POST", "/invoices", "req-1")).contains(DEMO);
    }

    @Test
    void theSignatureCoversProjectKeyTypeMethodPathAndRequestId() {
        HttpHeaders headers = signed("GET", "/invoices/iv_1", "req-1");
        assertThat(gateway.verify(headers, "DELETE", "/invoices/iv_1", "req-1")).isEmpty();
        assertThat(gateway.verify(headers, "GET", "/invoices/iv_2", "req-1")).isEmpty();
        assertThat(gateway.verify(headers, "GET", "/invoices/iv_1", "req-2")).isEmpty();

        HttpHeaders otherProject = signed("GET", "/invoices/iv_1", "req-1");
        otherProject.set(ServiceAuthentication.PROJECT_HEADER, "test-proj_other");
        assertThat(gateway.verify(otherProject, "GET", "/invoices/iv_1", "req-1")).isEmpty();

        HttpHeaders upgraded = new HttpHeaders();
        gateway.sign(upgraded, new ProjectContext(DEMO.projectId(), KeyType.PUBLIC), "GET", "/x", "r");
        upgraded.set(ServiceAuthentication.KEY_TYPE_HEADER, "secret");
        assertThat(gateway.verify(upgraded, "GET", "/x", "r")).isEmpty();
    }

    @Test
    void aSignatureFromAnotherSecretOrTooOldIsRefused() {
        var impostor = new ServiceAuthentication("another-secret-that-is-long-enough-too!!", Clock.fixed(NOW, ZoneOffset.UTC));
        HttpHeaders forged = new HttpHeaders();
        impostor.sign(forged, DEMO, "GET", "/x", "r");
        assertThat(gateway.verify(forged, "GET", "/x", "r")).isEmpty();

        var later = new ServiceAuthentication(SECRET, Clock.fixed(NOW.plus(ServiceAuthentication.MAX_SKEW).plusSeconds(1),
                ZoneOffset.UTC));
        assertThat(later.verify(signed("GET", "/x", "r"), "GET", "/x", "r")).isEmpty();
    }

    @Test
    void missingOrGarbledHeadersAreRefused() {
        assertThat(gateway.verify(new HttpHeaders(), "GET", "/x", "r")).isEmpty();
        HttpHeaders garbled = signed("GET", "/x", "r");
        garbled.set(ServiceAuthentication.TIMESTAMP_HEADER, "yesterday");
        assertThat(gateway.verify(garbled, "GET", "/x", "r")).isEmpty();
        HttpHeaders badKeyType = signed("GET", "/x", "r");
        badKeyType.set(ServiceAuthentication.KEY_TYPE_HEADER, "root");
        assertThat(gateway.verify(badKeyType, "GET", "/x", "r")).isEmpty();
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new ServiceAuthentication("short", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpHeaders signed(String method, String path, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        gateway.sign(headers, DEMO, method, path, requestId);
        return headers;
    }
}
