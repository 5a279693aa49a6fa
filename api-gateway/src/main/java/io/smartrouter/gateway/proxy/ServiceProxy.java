package io.smartrouter.gateway.proxy;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import io.smartrouter.gateway.GatewayErrorCode;
import io.smartrouter.gateway.config.GatewayProperties;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.web.RequestIds;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * Forwards an authenticated request to its service and relays the answer. Streams bodies both ways (nothing is
 * logged; only requests with an idempotency key are buffered, see {@link #exchange}), strips credentials and every
 * client-sent {@code X-SmartRouter-*} header, adds the signed project context, and turns an unreachable or slow
 * service into a 503 or 504 in the error envelope.
 * <p>
 * At most {@code max-requests-per-service} requests are in flight to a service; one more is answered 503 with
 * {@code Retry-After: 1} at once and never sent. An overloaded service is better told "not now" before it acts than
 * queued for until the response timeout, after which nobody knows whether a capture happened.
 */
public class ServiceProxy {

    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "authorization");

    private final WebClient client;
    private final ServiceAuthentication signer;
    private final int maxRequestBytes;
    private final int maxInFlight;
    private final Map<URI, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public ServiceProxy(GatewayProperties properties, ServiceAuthentication signer, int maxRequestBytes) {
        // Idle connections are retired after 20 s, so that a connection a service (or anything in between) dropped
        // while idle is not picked for the next request. A connection for every request admitted (admitted()): the
        // pool's own limits (16 connections and 32 waiting by default) would refuse requests in its own way.
        this.maxInFlight = properties.maxRequestsPerService();
        ConnectionProvider pool = ConnectionProvider.builder("smartrouter-services")
                .maxConnections(maxInFlight)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(20))
                .evictInBackground(Duration.ofSeconds(10))
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.signer = signer;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Forwards the request with its body streamed, and streams the answer back. */
    public Mono<Void> forward(ServerWebExchange exchange, URI service, ProjectContext caller) {
        if (exchange.getRequest().getHeaders().getContentLength() > maxRequestBytes) {
            return Mono.error(tooLarge());
        }
        return admitted(service, () -> request(exchange, service, caller)
                .body(BodyInserters.fromDataBuffers(limited(exchange.getRequest().getBody())))
                .exchangeToMono(answer -> relay(answer, exchange.getResponse())))
                .onErrorMap(ServiceProxy::unavailable);
    }

    /** The whole request body, within the size limit (idempotent requests are fingerprinted by it). */
    public Mono<byte[]> readBody(ServerWebExchange exchange) {
        if (exchange.getRequest().getHeaders().getContentLength() > maxRequestBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(limited(exchange.getRequest().getBody()))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    /**
     * Sends a request whose body was already read, and reads the whole answer (at most {@code maxResponseBytes}; a
     * longer one fails with {@code server.response-too-large}) so that it can be kept before it is relayed.
     */
    public Mono<ServiceAnswer> exchange(ServerWebExchange exchange, URI service, ProjectContext caller, byte[] body,
            int maxResponseBytes) {
        return admitted(service, () -> request(exchange, service, caller)
                .bodyValue(body)
                .exchangeToMono(answer -> DataBufferUtils.join(answer.bodyToFlux(DataBuffer.class), maxResponseBytes)
                        .map(buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        })
                        .defaultIfEmpty(new byte[0])
                        .map(bytes -> new ServiceAnswer(answer.statusCode().value(), answer.headers().asHttpHeaders(),
                                bytes))))
                .onErrorMap(DataBufferLimitException.class, tooLong -> new ApiException(
                        GatewayErrorCode.RESPONSE_TOO_LARGE, "The service's answer is too large to keep for replays"));
    }

    /**
     * Whether a failure of {@link #exchange} certainly happened before the request reached the service (no
     * connection, or the service busy), as opposed to a timeout or a dropped connection, after which the service may
     * have acted.
     */
    public static boolean neverSent(Throwable failure) {
        return failure instanceof ServiceBusy || hasCause(failure, ConnectException.class);
    }

    /**
     * Runs {@code call} as one of the service's requests in flight, or, when the service has {@code maxInFlight}
     * already, fails at once with {@link ServiceBusy} (a 503, which the error envelope gives {@code Retry-After: 1}):
     * the request is not sent.
     */
    private <T> Mono<T> admitted(URI service, Supplier<Mono<T>> call) {
        return Mono.defer(() -> {
            AtomicInteger requests = inFlight.computeIfAbsent(service, any -> new AtomicInteger());
            if (requests.incrementAndGet() > maxInFlight) {
                requests.decrementAndGet();
                return Mono.error(new ServiceBusy());
            }
            return call.get().doFinally(signal -> requests.decrementAndGet());
        });
    }

    /** A request refused before it was sent: its service has as many requests in flight as it may. */
    private static final class ServiceBusy extends RuntimeException {

        ServiceBusy() {
            super("The service has as many requests in flight as it may", null, false, false);
        }
    }

    /** Writes an answer read by {@link #exchange}. */
    public static Mono<Void> write(ServiceAnswer answer, ServerHttpResponse response) {
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        copyForwardable(answer.headers(), response.getHeaders());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }

    private WebClient.RequestBodySpec request(ServerWebExchange exchange, URI service, ProjectContext caller) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        URI target = UriComponentsBuilder.fromUri(service).path(path)
                .query(request.getURI().getRawQuery()).build(true).toUri();
        return client.method(request.getMethod()).uri(target)
                .headers(headers -> {
                    copyForwardable(request.getHeaders(), headers);
                    headers.set(RequestIds.HEADER, RequestIds.of(exchange));
                    signer.sign(headers, caller, request.getMethod().name(), path, RequestIds.of(exchange));
                });
    }

    private Mono<Void> relay(ClientResponse answer, ServerHttpResponse response) {
        response.setStatusCode(answer.statusCode());
        copyForwardable(answer.headers().asHttpHeaders(), response.getHeaders());
        return response.writeWith(answer.bodyToFlux(DataBuffer.class));
    }

    /** Counts streamed bytes too: a chunked body has no Content-Length to check up front. */
    private Flux<DataBuffer> limited(Flux<DataBuffer> body) {
        AtomicLong total = new AtomicLong();
        return body.handle((buffer, sink) -> {
            if (total.addAndGet(buffer.readableByteCount()) > maxRequestBytes) {
                DataBufferUtils.release(buffer);
                sink.error(tooLarge());
            } else {
                sink.next(buffer);
            }
        });
    }

    /** A service's whole answer. */
    public record ServiceAnswer(int status, HttpHeaders headers, byte[] body) {
    }

    private static void copyForwardable(HttpHeaders from, HttpHeaders to) {
        from.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower)
                    && !lower.startsWith(ServiceAuthentication.HEADER_PREFIX.toLowerCase(Locale.ROOT))) {
                to.put(name, values);
            }
        });
    }

    /** The error envelope for a failed service call: 503 unreachable, 504 too slow. */
    public static Throwable unavailable(Throwable failure) {
        if (failure instanceof ApiException) {
            return failure;
        }
        if (failure instanceof ServiceBusy) {
            return new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE, "The service is busy and the request was not "
                    + "sent to it; retry after the Retry-After delay");
        }
        if (hasCause(failure, TimeoutException.class)
                || hasCause(failure, ReadTimeoutException.class)) {
            return new ApiException(PlatformErrorCode.SERVICE_TIMEOUT, "The service did not answer in time");
        }
        if (failure instanceof WebClientRequestException || hasCause(failure, PrematureCloseException.class)) {
            return new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE, "The service is unavailable; retry later");
        }
        return failure;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ApiException tooLarge() {
        return new ApiException(PlatformErrorCode.BODY_TOO_LARGE, "The request body is too large");
    }
}
