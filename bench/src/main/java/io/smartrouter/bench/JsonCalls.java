package io.smartrouter.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Asynchronous JSON POSTs that record each call's latency, and its status when it is not a 2xx. */
final class JsonCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    JsonCalls(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String basic(String project, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((project + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs {@code json}; answers the parsed body of a 2xx, or fails with the call's name and status. */
    CompletableFuture<JsonNode> post(String call, String path, String authorization, String json, Latencies latencies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        long start = System.nanoTime();
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    latencies.record(call, System.nanoTime() - start);
                    if (error != null) {
                        latencies.fail(call, error.getClass().getSimpleName());
                        throw new CompletionException(error);
                    }
                    if (response.statusCode() / 100 != 2) {
                        latencies.fail(call, String.valueOf(response.statusCode()));
                        throw new CompletionException(new IllegalStateException(call + " answered "
                                + response.statusCode()));
                    }
                    return JSON.readTree(response.body());
                });
    }
}
