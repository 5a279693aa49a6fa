package io.smartrouter.platform.events;

/**
 * Consumer properties ({@code @KafkaListener(properties = ...)}) for a listener whose readers can wait a few
 * milliseconds: the broker holds each fetch until {@link #MAX_WAIT} has passed or {@link #MIN_BYTES} have arrived.
 * At a moderate rate a batch listener otherwise gets one record per poll, and pays a database commit, an offset commit
 * and a fetch round trip for each; waiting gathers a few per poll. Not for a projection a request waits on
 * ({@link CatchUp}): that wait would be added to the request.
 */
public final class BatchingConsumer {

    /** More than a poll at a moderate rate holds: at such rates the wait decides, under load the batch fills at once. */
    public static final String MIN_BYTES = "fetch.min.bytes=65536";
    public static final String MAX_WAIT = "fetch.max.wait.ms=25";

    private BatchingConsumer() {
    }
}
