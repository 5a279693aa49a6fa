package io.smartrouter.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** {@link ConsumerProgress} against a real (in-process) broker: the key's partition, the group's offsets, no broker. */
class ConsumerProgressIntegrationTests {

    private static final String TOPIC = "progress-test";
    private static final String EMPTY_TOPIC = "progress-test-empty";

    private static EmbeddedKafkaKraftBroker broker;
    private static ConsumerProgress progress;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC, EMPTY_TOPIC);
        // Not spring.embedded.kafka.brokers: that system property may belong to another test's broker.
        broker.brokerListProperty("smartrouter.progress-test.brokers");
        broker.afterPropertiesSet();
        progress = new ConsumerProgress(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()), Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        progress.close();
        broker.destroy();
    }

    @Test
    void aGroupIsBehindOnlyOnTheKeysPartitionUntilItCommitsItsEnd() throws Exception {
        String group = "group-" + UUID.randomUUID();
        RecordMetadata sent = publish("iv_behind");

        assertThat(progress.caughtUp(group, TOPIC, "iv_behind")).isFalse();
        assertThatThrownBy(() -> progress.requireCaughtUp(group, TOPIC, "iv_behind", "invoice"))
                .isInstanceOfSatisfying(ApiException.class,
                        error -> assertThat(error.code()).isEqualTo(PlatformErrorCode.SERVICE_UNAVAILABLE))
                .hasMessageContaining("invoice");

        commit(group, new TopicPartition(TOPIC, sent.partition()), sent.offset());
        assertThat(progress.caughtUp(group, TOPIC, "iv_behind")).as("one record still unread").isFalse();
        commit(group, new TopicPartition(TOPIC, sent.partition()), sent.offset() + 1);
        assertThat(progress.caughtUp(group, TOPIC, "iv_behind")).isTrue();
        progress.requireCaughtUp(group, TOPIC, "iv_behind", "invoice");
        assertThat(progress.caughtUp("group-" + UUID.randomUUID(), EMPTY_TOPIC, "iv_behind"))
                .as("a group with no offsets has read everything of an empty partition").isTrue();
    }

    @Test
    void waitsForAGroupThatIsCatchingUp() throws Exception {
        String group = "group-" + UUID.randomUUID();
        RecordMetadata sent = publish("iv_catching_up");
        var consumer = CompletableFuture.runAsync(() -> commit(group, new TopicPartition(TOPIC, sent.partition()),
                sent.offset() + 1), CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        // A patient check: a consumer's first commit (finding its coordinator) can take seconds on a busy machine.
        try (var patient = new ConsumerProgress(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()), Duration.ofSeconds(20))) {
            assertThat(patient.caughtUp(group, TOPIC, "iv_catching_up")).isTrue();
        }
        consumer.join();
    }

    @Test
    void findsThePartitionTheProducerChoseForEachKey() throws Exception {
        String group = "group-" + UUID.randomUUID();
        try (var producer = producer()) {
            for (int i = 0; i < 30; i++) {
                String key = "iv_" + UUID.randomUUID();
                RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, key, "created")).get();
                commit(group, new TopicPartition(TOPIC, sent.partition()), sent.offset() + 1);
                assertThat(progress.caughtUp(group, TOPIC, key)).as(key).isTrue();
            }
        }
    }

    @Test
    void cannotTellWithoutABrokerSoAnswersRetryLater() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var nowhere = new ConsumerProgress(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + closedPort), Duration.ofMillis(500))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> nowhere.requireCaughtUp("group", TOPIC, "iv_x", "invoice"))
                    .isInstanceOfSatisfying(ApiException.class,
                            error -> assertThat(error.code().status()).isEqualTo(503));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private static RecordMetadata publish(String key) throws Exception {
        try (var producer = producer()) {
            return producer.send(new ProducerRecord<>(TOPIC, key, "created")).get();
        }
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
    }

    private static void commit(String group, TopicPartition partition, long offset) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }
}
