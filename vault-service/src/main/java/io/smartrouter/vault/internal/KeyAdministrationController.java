package io.smartrouter.vault.internal;

import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.vault.card.vault.KeyRotation;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Key rotation for operators ({@code make vault-rotate-keys} signs the call with the service secret). Rotation runs
 * while the vault serves traffic: new cards use the new key at once, existing data keys are re-wrapped one by one.
 */
@RestController
@RequestMapping(path = "/internal/keys", produces = MediaType.APPLICATION_JSON_VALUE)
class KeyAdministrationController {

    private final KeyRotation rotation;

    KeyAdministrationController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @GetMapping
    Mono<Map<String, Object>> status(ProjectContext caller) {
        caller.requireInternalCaller();
        return Blocking.call(() -> ApiResponses.of("keys", rotation.status()));
    }

    @PostMapping("/rotate")
    Mono<Map<String, Object>> rotate(ProjectContext caller) {
        caller.requireInternalCaller();
        return Blocking.call(() -> ApiResponses.of("keys", rotation.rotate()));
    }
}
