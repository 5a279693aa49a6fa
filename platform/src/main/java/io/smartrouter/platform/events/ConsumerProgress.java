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
 * service's events that does not hold an object yet may only say so ("not found") once its consumer has caught up
 * with the partition the object's events go to; before that — after a restart of the service or of the broker — the
 * object may well exist, and the truthful answer is a retriable 503. Only asked on that rare path: a lookup that
 * found nothing after {@link CatchUp} waited. Blocking (a few broker round trips, bounded by the timeout).
 */
public class ConsumerProgress implements AutoCloseable {

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
     * Returns when consumer group {@code group} has committed an offset at the end of the partition of {@code topic}
     * that records keyed {@code key} go to (as Kafka's default partitioner places them), so that nothing published
     * for that key is still unread. Otherwise — behind, or the broker cannot tell within the timeout — throws a 503
     * saying that the {@code resource} may not be known here yet.
     */
    public void requireCaughtUp(String group, String topic, String key, String resource) throws InterruptedException {
        if (!caughtUp(group, topic, key)) {
            throw new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE, "This " + resource + " may have been "
                    + "created a moment ago: the service is still reading recent events; retry shortly");
        }
    }

    boolean caughtUp(String group, String topic, String key) throws InterruptedException {
        try {
            TopicPartition partition = new TopicPartition(topic, partitionOf(topic, key));
            long end = admin().listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
            OffsetAndMetadata committed = admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(partition);
            return (committed == null ? 0 : committed.offset()) >= end;
        } catch (ExecutionException | TimeoutException | KafkaException cannotTell) {
            return false;
        }
    }

    private int partitionOf(String topic, String key)
            throws InterruptedException, ExecutionException, TimeoutException {
        Integer count = partitionCounts.get(topic);
        if (count == null) {
            count = admin().describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().size();
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
