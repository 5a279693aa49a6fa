package io.smartrouter.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A backend service for gateway tests: records every request it receives and answers {@code {"success":true,...}}
 * echoing a counter, except on a few paths: {@code /invoices/slow} (3 s), {@code /invoices/conflict} (409),
 * {@code /invoices/broken} (500), {@code /invoices/held} (holds the answer 500 ms, so that concurrent requests
 * overlap).
 */
public final class StubService implements AutoCloseable {

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    public StubService() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .route(request -> request.uri().startsWith("/invoices/slow"), (request, response) -> response
                                .sendString(Mono.just("{}").delayElement(Duration.ofSeconds(3))))
                        .route(request -> true, (request, response) -> request.receive().aggregate().asString()
                                .defaultIfEmpty("")
                                .flatMap(body -> {
                                    HttpHeaders headers = new HttpHeaders();
                                    request.requestHeaders().forEach(e -> headers.add(e.getKey(), e.getValue()));
                                    received.add(new Received(request.method().name(), request.uri(), headers, body));
                                    String path = request.uri();
                                    int status = path.startsWith("/invoices/conflict") ? 409
                                            : path.startsWith("/invoices/broken") ? 500 : 200;
                                    String answer = status == 200
                                            ? "{\"success\":true,\"count\":" + received.size() + "}"
                                            : "{\"success\":false,\"error_type\":\"stub." + status + "\",\"message\":\"x\"}";
                                    Duration delay = path.startsWith("/invoices/held") ? Duration.ofMillis(500)
                                            : Duration.ZERO;
                                    return response.status(status).header("Content-Type", "application/json")
                                            .header("X-Stub", "yes")
                                            .sendString(Mono.just(answer).delayElement(delay)).then();
                                })))
                .bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public List<Received> received() {
        return received;
    }

    public Received byRequestId(String requestId) {
        return received.stream().filter(r -> requestId.equals(r.headers().getFirst("X-Request-Id"))).findFirst()
                .orElseThrow(() -> new AssertionError("The stub did not receive request " + requestId));
    }

    public long count(String method, String uri) {
        return received.stream().filter(r -> r.method().equals(method) && r.uri().equals(uri)).count();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request as the service saw it. */
    public record Received(String method, String uri, HttpHeaders headers, String body) {
    }
}
