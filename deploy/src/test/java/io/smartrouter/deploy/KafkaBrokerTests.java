package io.smartrouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaBrokerTests {

    @Test
    void runsOneKraftNodeOnLoopbackOnlyWithoutAutoCreatedTopics() {
        String properties = KafkaBroker.serverProperties(19092, 19093, Path.of("/data/kafka/logs"));

        assertThat(properties).contains("process.roles=broker,controller")
                .contains("controller.quorum.voters=1@127.0.0.1:19093")
                .contains("listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .contains("advertised.listeners=PLAINTEXT://127.0.0.1:19092")
                .contains("log.dirs=/data/kafka/logs")
                .contains("auto.create.topics.enable=false")
                .contains("offsets.topic.replication.factor=1")
                .doesNotContain("0.0.0.0");
    }
}
