package io.smartrouter.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A merchant's HTTP client: only the public API through the gateway, HTTP Basic with a project's key. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String authorization;

    ApiClient(String baseUrl, String project, String key) {
        this(baseUrl, project == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((project + ":" + key).getBytes(StandardCharsets.UTF_8)));
    }

    private ApiClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** A client sending this Authorization header as is (the operator's bearer token, malformed credentials). */
    static ApiClient withAuthorization(String baseUrl, String authorization) {
        return new ApiClient(baseUrl, authorization);
    }

    /**
     * Any request: method, path, optional Content-Type and body (null: none), and extra headers as name/value pairs.
     */
    public Response send(String method, String path, String contentType, String body, String... headers) {
        var request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Response get(String path, String... headers) {
        var request = request(path).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path, String json, String... headers) {
        var request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Response(response.statusCode(), json && !response.body().isEmpty()
                    ? JSON.readTree(response.body()) : null, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, parsed JSON body, and the raw response for headers. */
    public record Response(int status, JsonNode json, HttpResponse<String> raw) {

        public String text(String pointer) {
            return json.at(pointer).asString();
        }
    }
}
