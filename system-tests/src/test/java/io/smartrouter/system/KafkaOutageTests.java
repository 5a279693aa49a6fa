package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event store is the outbox, on the real broker: with Kafka killed (-9), invoices are still accepted; once Kafka
 * is back, every one of their events is on the topic, and a consumer deduplicating by event id sees each exactly once.
 */
@ExtendWith(RunningPlatform.class)
class KafkaOutageTests {

    @Test
    void eventsCommittedWhileKafkaIsDownArriveWhenItIsBack(RunningPlatform running) {
        running.platform().kafka().kill();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                var created = running.demo().post("/invoices",
                        "{\"name\":\"During the outage " + i + "\",\"amount\":\"2.50\",\"currency\":\"EUR\"}");
                assertThat(created.status()).isEqualTo(200);
                ids.add(created.text("/invoice/id"));
            }
        } finally {
            running.platform().kafka().start();
        }

        try (var log = new EventLog(running.kafkaBootstrapServers(), Topics.INVOICES)) {
            var records = log.readUntil(seen -> ids.stream().allMatch(id -> EventLog.hasKey(seen, id)),
                    Duration.ofSeconds(150));
            Set<String> eventIds = new HashSet<>();
            long handled = records.stream().filter(record -> ids.contains(record.key()))
                    .map(record -> log.envelope(record).getEventId())
                    .filter(eventIds::add)
                    .count();
            assertThat(handled).isEqualTo(ids.size());
        }
        assertThat(running.demo().get("/invoices/" + ids.get(0)).status()).isEqualTo(200);
    }
}
