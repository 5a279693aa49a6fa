package io.smartrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** `make run`'s platform comes up whole: every service healthy, every topic created as documented. */
@ExtendWith(RunningPlatform.class)
class PlatformStartupTests {

    @Test
    void everyServiceIsHealthyBehindTheGateway(RunningPlatform running) {
        var anonymous = running.as(null, null);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        for (var service : running.platform().config().services()) {
            var health = new ApiClient("http://127.0.0.1:" + service.port(), null, null).get("/actuator/health");
            assertThat(health.status()).as(service.module()).isEqualTo(200);
            assertThat(health.text("/status")).as(service.module()).isEqualTo("UP");
        }
    }

    @Test
    void everyTopicExistsWithItsPartitionsAndIsKeptForever(RunningPlatform running) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                running.kafkaBootstrapServers()))) {
            for (Topics.TopicSpec topic : Topics.ALL) {
                var description = admin.describeTopics(List.of(topic.name())).allTopicNames()
                        .get(10, TimeUnit.SECONDS).get(topic.name());
                assertThat(description.partitions()).hasSize(topic.partitions());
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                var config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                        .get(resource);
                assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            }
        }
    }
}
