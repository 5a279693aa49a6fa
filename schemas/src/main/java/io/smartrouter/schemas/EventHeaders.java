package io.smartrouter.schemas;

/**
 * Kafka header names carried next to every event value (UTF-8 strings). They repeat the envelope's metadata so that
 * consumers can filter and route without decoding the value.
 */
public final class EventHeaders {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String AGGREGATE_TYPE = "aggregate-type";
    public static final String AGGREGATE_ID = "aggregate-id";
    public static final String PROJECT_ID = "project-id";
    public static final String CORRELATION_ID = "correlation-id";
    public static final String TRACEPARENT = "traceparent";
    public static final String CONTENT_TYPE = "content-type";

    /** The value of {@link #CONTENT_TYPE}: Avro single-object encoding. */
    public static final String AVRO_SINGLE_OBJECT = "application/vnd.apache.avro+binary; encoding=single-object";

    private EventHeaders() {
    }
}
