package io.smartrouter.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant's blocking client for the crash tests: every call answers, never throws. A connection error or a timeout
 * is status 0 — the client cannot know whether the platform did it — which is exactly what the verdict must handle.
 */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;
    private final String authorization;

    Api(String baseUrl, String project, String key) {
        this.baseUrl = baseUrl;
        this.authorization = JsonCalls.basic(project, key);
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A POST with an idempotency key, so that a retry after an unknown outcome is safe where the gateway keeps keys. */
    Answer post(String path, String json, String idempotencyKey) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (JacksonException notJson) {
                // a proxy's or a dying service's non-JSON answer: the status says enough
            }
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            return new Answer(0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null);
        }
    }

    /** A status (0 when there was no answer) and the JSON body, if any. */
    record Answer(int status, JsonNode json) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** No answer, or a server-side failure: the operation may or may not have happened. */
        boolean unknown() {
            return status == 0 || status >= 500;
        }

        String text(String pointer) {
            return json == null ? null : json.at(pointer).asString(null);
        }
    }
}
