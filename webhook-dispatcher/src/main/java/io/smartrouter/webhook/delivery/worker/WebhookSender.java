package io.smartrouter.webhook.delivery.worker;

import io.netty.channel.ChannelOption;
import io.smartrouter.webhook.delivery.security.FilteringAddressResolverGroup;
import io.smartrouter.webhook.delivery.security.UrlPolicy;
import io.smartrouter.webhook.delivery.signing.SigningSecret;
import io.smartrouter.webhook.delivery.signing.WebhookSignatures;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends one signed webhook (Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}) with a warm, shared connection pool. Redirects are not followed (a 3xx is a failure), the
 * connection and the response are bounded by timeouts, only the first bytes of a response body are read for the log.
 * Never throws: every failure is an {@link AttemptResult}.
 */
public class WebhookSender {

    static final String USER_AGENT = "SmartRouter-Webhooks/1.0";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private final WebClient client;
    private final UrlPolicy policy;
    private final Clock clock;
    private final Duration overallTimeout;
    private final int maxLoggedBytes;
    private final ConnectionProvider connections;

    public WebhookSender(UrlPolicy policy, Clock clock, Duration connectTimeout, Duration responseTimeout,
            int maxConnections, int maxLoggedBytes) {
        this.policy = policy;
        this.clock = clock;
        this.maxLoggedBytes = maxLoggedBytes;
        this.overallTimeout = connectTimeout.plus(responseTimeout).plusSeconds(1);
        this.connections = ConnectionProvider.builder("webhooks").maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1).maxIdleTime(Duration.ofSeconds(30)).build();
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .responseTimeout(responseTimeout)
                .followRedirect(false);
        if (!policy.allowsPrivateAddresses()) {
            http = http.resolver(new FilteringAddressResolverGroup(policy));
        }
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** POSTs {@code body} to {@code url} as webhook {@code webhookId}, signed with each of {@code secrets}. */
    public Mono<AttemptResult> send(String url, String webhookId, byte[] body, List<SigningSecret> secrets) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(url);
            refuseInternalLiteral(uri);
        } catch (IllegalArgumentException | UnknownHostException e) {
            return Mono.just(AttemptResult.noResponse("Refused URL: " + e.getMessage(), 0));
        }
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSignatures.header(secrets, webhookId, timestamp, body);
        return client.post().uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignatures.ID_HEADER, webhookId)
                .header(WebhookSignatures.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignatures.SIGNATURE_HEADER, signature)
                .header("User-Agent", USER_AGENT)
                .bodyValue(body)
                .exchangeToMono(response -> readStart(response).map(text -> new AttemptResult(
                        response.statusCode().value(), text, response.statusCode().is2xxSuccessful() ? null
                                : "HTTP " + response.statusCode().value(), elapsed(started), retryAfter(response))))
                .timeout(overallTimeout)
                .onErrorResume(error -> Mono.just(AttemptResult.noResponse(describe(error), elapsed(started))));
    }

    /** DNS is checked by the resolver; an address written in the URL never reaches it, so it is checked here. */
    private void refuseInternalLiteral(URI uri) throws UnknownHostException {
        String host = uri.getHost() == null ? null : UrlPolicy.host(uri);
        if (host == null) {
            throw new IllegalArgumentException("no host");
        }
        if (!policy.allowsPrivateAddresses() && IP_LITERAL.matcher(host).matches()
                && !policy.allows(InetAddress.getByName(host))) {
            throw new IllegalArgumentException("internal address");
        }
    }

    private Mono<String> readStart(ClientResponse response) {
        return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class),
                        maxLoggedBytes))
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("");
    }

    static Duration retryAfter(ClientResponse response) {
        String value = response.headers().asHttpHeaders().getFirst("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unparsable) {
                return null;
            }
        }
    }

    private static String describe(Throwable error) {
        if (error instanceof TimeoutException || error.getClass().getSimpleName().contains("Timeout")) {
            return "Timed out";
        }
        String message = error.getMessage();
        String text = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    public void close() {
        connections.dispose();
    }
}
