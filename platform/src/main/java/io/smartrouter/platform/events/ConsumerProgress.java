package io.smartrouter.platform.events;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Whether one of this service's consumers has read everything already on Kafka for a key. A projection of another
 * service's events that does not hold an object yet may only say so ("not found") once its consumer has read the
 * partition the object's events go to up to where it ended when the lookup failed; before that — after a restart of
 * the service or of the broker — the object may well exist, and the truthful answer is a retriable 503. Only asked on
 * that rare path: a lookup that found nothing after {@link CatchUp} waited. Blocking (a few broker round trips, and
 * at most the timeout).
 */
public class ConsumerProgress implements AutoCloseable {

    /** Between two reads of the group's offsets while it catches up. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final Map<String, Object> adminProperties;
    private final Duration timeout;
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    private volatile Admin admin;

    public ConsumerProgress(Map<String, Object> adminProperties, Duration timeout) {
        this.adminProperties = new HashMap<>(adminProperties);
        this.adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.adminProperties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-progress");
        this.timeout = timeout;
    }

    /**
     * Returns once consumer group {@code group} has committed offsets up to where the partition of {@code topic} that
     * records keyed {@code key} go to (as Kafka's default partitioner places them) ends now, so that nothing published
     * for that key before this call is unread; the caller then looks once more. Under a steady stream of events the
     * group is a few milliseconds behind, so this waits for it, up to the timeout. Behind after that, or the broker
     * cannot tell: throws a 503 saying that the {@code resource} may not be known here yet.
     */
    public void requireCaughtUp(String group, String topic, String key, String resource) throws InterruptedException {
        if (!caughtUp(group, topic, key)) {
            throw new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE, "This " + resource + " may have been "
                    + "created a moment ago: the service is still reading recent events; retry shortly");
        }
    }

    boolean caughtUp(String group, String topic, String key) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            TopicPartition partition = new TopicPartition(topic, partitionOf(topic, key, deadline));
            long end = admin().listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(millisLeft(deadline), TimeUnit.MILLISECONDS).offset();
            while (true) {
                OffsetAndMetadata committed = admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(millisLeft(deadline), TimeUnit.MILLISECONDS).get(partition);
                if ((committed == null ? 0 : committed.offset()) >= end) {
                    return true;
                }
                if (System.nanoTime() + POLL.toNanos() > deadline) {
                    return false;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (ExecutionException | TimeoutException | KafkaException cannotTell) {
            return false;
        }
    }

    /** What is left of the check's time: every broker call shares one deadline, so the whole check is bounded. */
    private static long millisLeft(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private int partitionOf(String topic, String key, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        Integer count = partitionCounts.get(topic);
        if (count == null) {
            count = admin().describeTopics(List.of(topic)).allTopicNames()
                    .get(millisLeft(deadline), TimeUnit.MILLISECONDS).get(topic).partitions().size();
            partitionCounts.put(topic, count);
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % count;
    }

    /** Made on first use: most services never need it. */
    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminProperties);
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void close() {
        Admin current = admin;
        if (current != null) {
            current.close(timeout);
        }
    }
}
