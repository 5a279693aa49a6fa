package io.smartrouter.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void everyTopicIsKeptForeverWithSeveralPartitions() {
        assertThat(Topics.ALL).extracting(Topics.TopicSpec::name).doesNotHaveDuplicates()
                .containsExactly(Topics.INVOICES, Topics.PAYMENTS, Topics.VAULT, Topics.WEBHOOK_DELIVERIES);
        assertThat(Topics.ALL).allSatisfy(topic -> {
            assertThat(topic.partitions()).isGreaterThan(1);
            assertThat(topic.configs()).containsEntry("retention.ms", "-1");
        });
    }
}
