package io.smartrouter.platform.events;

import io.smartrouter.platform.security.ProjectContext;
import io.smartrouter.platform.web.RequestIds;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * The metadata keys every command carries and every event inherits (see {@code EventMetadataProvider}); they become
 * the envelope's project, correlation, causation and trace fields on Kafka.
 */
public final class EventMetadata {

    public static final String PROJECT_ID = "projectId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACEPARENT = "traceparent";
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private EventMetadata() {
    }

    /**
     * Metadata for a command sent on behalf of an API request: the caller's project, the request id as correlation
     * id, and the W3C trace context when the request carried a well-formed one.
     */
    public static Map<String, Object> forRequest(ServerWebExchange exchange, ProjectContext caller) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(PROJECT_ID, caller.projectId().value());
        metadata.put(CORRELATION_ID, RequestIds.of(exchange));
        String traceparent = exchange.getRequest().getHeaders().getFirst(TRACEPARENT);
        if (traceparent != null && TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
            metadata.put(TRACEPARENT, traceparent);
        }
        return metadata;
    }
}
