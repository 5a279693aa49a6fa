package io.smartrouter.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.gateway.project.SecretKeys;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.security.KeyType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicAuthenticatorTests {

    private static final Map<String, ProjectDirectory.Credentials> PROJECTS = Map.of(
            "test-proj_demo", new ProjectDirectory.Credentials(true,
                    List.of(SecretKeys.sha256("key_test_demo"), SecretKeys.sha256("key_test_rotated"))),
            "test-proj_revoked", new ProjectDirectory.Credentials(true, List.of()),
            "test-proj_mixed", new ProjectDirectory.Credentials(true, List.of(SecretKeys.sha256("key_live_mixed"))),
            "proj_live", new ProjectDirectory.Credentials(false, List.of(SecretKeys.sha256("key_live_abc"),
                    SecretKeys.sha256("key_test_abc"))));

    private final BasicAuthenticator authenticator = new BasicAuthenticator(
            id -> Optional.ofNullable(PROJECTS.get(id.value())));

    @Test
    void tellsTheSecretKeyFromThePublicKey() {
        assertThat(authenticator.authenticate(basic("test-proj_demo:key_test_demo")).keyType()).isEqualTo(KeyType.SECRET);
        assertThat(authenticator.authenticate(basic("test-proj_demo:")).keyType()).isEqualTo(KeyType.PUBLIC);
        assertThat(authenticator.authenticate("bAsIc " + encoded("test-proj_demo:key_test_demo")).projectId().value())
                .isEqualTo("test-proj_demo");
    }

    @Test
    void acceptsEveryActiveKeyOfAProjectDuringARotation() {
        assertThat(authenticator.authenticate(basic("test-proj_demo:key_test_rotated")).keyType())
                .isEqualTo(KeyType.SECRET);
        assertThat(authenticator.authenticate(basic("proj_live:key_live_abc")).keyType()).isEqualTo(KeyType.SECRET);
    }

    @Test
    void aProjectWithoutActiveKeysStillHasItsPublicKey() {
        assertThat(authenticator.authenticate(basic("test-proj_revoked:")).keyType()).isEqualTo(KeyType.PUBLIC);
        assertThatThrownBy(() -> authenticator.authenticate(basic("test-proj_revoked:key_test_demo")))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void refusesEverythingElseWithOneError() {
        for (String header : new String[] {null, "", "Basic", "Basic ###", basic("test-proj_demo"),
            basic("test-proj_demo:key_test_dem"), basic("test-proj_nope:key_test_demo"), basic(":key_test_demo"),
            "Basic " + "A".repeat(2000), "Digest abc", basic("test-proj_demo:key_test_abc"),
            // sandbox and live keys are never mixed, even where a hash would match
            basic("test-proj_mixed:key_live_mixed"), basic("proj_live:key_test_abc")}) {
            assertThatThrownBy(() -> authenticator.authenticate(header))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code().type()).isEqualTo("request.authentication.invalid"));
        }
    }

    static String basic(String credentials) {
        return "Basic " + encoded(credentials);
    }

    private static String encoded(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
