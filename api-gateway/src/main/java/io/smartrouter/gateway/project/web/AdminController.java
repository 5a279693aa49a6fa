package io.smartrouter.gateway.project.web;

import io.smartrouter.gateway.auth.RememberedCredentials;
import io.smartrouter.gateway.project.ApiKey;
import io.smartrouter.gateway.project.ProjectStore;
import io.smartrouter.gateway.project.web.ProjectResponse.KeyView;
import io.smartrouter.gateway.project.web.ProjectResponse.ProjectView;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.web.ApiResponses;
import io.smartrouter.platform.web.Blocking;
import io.smartrouter.platform.web.Fields;
import io.smartrouter.platform.web.PageParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The operator API of API.md: projects and their secret keys. The gateway's filter admits only the operator's bearer
 * token here. Secrets appear once, in the answer that creates them; idempotency keys are deliberately not supported
 * on these calls, since a stored answer would keep that secret for a day.
 */
@RestController
@RequestMapping(path = "/admin/projects", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    private static final int MAX_NAME = 200;

    private final ProjectStore projects;
    private final RememberedCredentials credentials;

    AdminController(ProjectStore projects, RememberedCredentials credentials) {
        this.projects = projects;
        this.credentials = credentials;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> create(@RequestBody CreateProjectRequest request) {
        String name = Fields.required(request.name(), "name", MAX_NAME);
        boolean sandbox = request.sandbox() == null || request.sandbox();
        return Blocking.call(() -> projects.create(name, sandbox)).map(created -> {
            Map<String, Object> body = ApiResponses.of("project", ProjectView.of(created.project()));
            body.put("key", KeyView.of(created.key()));
            body.put("secret_key", created.secretKey());
            return body;
        });
    }

    @GetMapping
    Mono<Map<String, Object>> list(@RequestParam Map<String, String> parameters) {
        PageParameters page = PageParameters.parse(parameters, Set.of(), ProjectId::isWellFormed, "a project id");
        return Blocking.call(() -> projects.list(page)).map(result -> {
            Map<String, Object> body = ApiResponses.of("projects",
                    result.projects().stream().map(ProjectView::of).toList());
            body.put("has_more", result.hasMore());
            return body;
        });
    }

    @GetMapping("/{projectId}")
    Mono<Map<String, Object>> find(@PathVariable String projectId) {
        return Blocking.call(() -> projects.find(projectId).orElseThrow(() -> notFound(projectId)))
                .map(project -> ApiResponses.of("project", ProjectView.of(project)));
    }

    @PostMapping("/{projectId}/keys")
    Mono<Map<String, Object>> addKey(@PathVariable String projectId) {
        return Blocking.call(() -> projects.addKey(projectId).orElseThrow(() -> notFound(projectId))).map(created -> {
            Map<String, Object> body = ApiResponses.of("key", KeyView.of(created.key()));
            body.put("secret_key", created.secretKey());
            return body;
        });
    }

    @GetMapping("/{projectId}/keys")
    Mono<Map<String, Object>> keys(@PathVariable String projectId) {
        return Blocking.call(() -> {
            projects.find(projectId).orElseThrow(() -> notFound(projectId));
            Map<String, Object> body = new LinkedHashMap<>(ApiResponses.of("keys",
                    projects.keys(projectId).stream().map(KeyView::of).toList()));
            body.put("has_more", false);
            return body;
        });
    }

    /** Revoking the last active key is allowed: secret-key calls then fail until a new key is created. */
    @DeleteMapping("/{projectId}/keys/{keyId}")
    Mono<Map<String, Object>> revoke(@PathVariable String projectId, @PathVariable String keyId) {
        return Blocking.call(() -> {
                    ApiKey key = projects.revoke(projectId, keyId).orElseThrow(() -> ApiException.notFound("key", keyId));
                    credentials.forget(projectId);
                    return key;
                })
                .map(key -> ApiResponses.of("key", KeyView.of(key)));
    }

    private static ApiException notFound(String projectId) {
        return ApiException.notFound("project", projectId);
    }
}
