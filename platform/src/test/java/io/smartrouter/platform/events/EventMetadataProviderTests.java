package io.smartrouter.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class EventMetadataProviderTests {

    private final EventMetadataProvider provider = new EventMetadataProvider();

    @Test
    void passesProjectCorrelationAndTraceOnAndRecordsTheCause() {
        var command = GenericCommandMessage.asCommandMessage("create")
                .andMetaData(Map.of(EventMetadata.PROJECT_ID, "test-proj_demo", EventMetadata.CORRELATION_ID, "req-9",
                        EventMetadata.TRACEPARENT, "00-abc", "secret", "not copied"));

        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));

        assertThat(data).containsEntry(EventMetadata.PROJECT_ID, "test-proj_demo")
                .containsEntry(EventMetadata.CORRELATION_ID, "req-9")
                .containsEntry(EventMetadata.TRACEPARENT, "00-abc")
                .containsEntry(EventMetadata.CAUSATION_ID, command.getIdentifier())
                .doesNotContainKey("secret");
    }

    @Test
    void startsACorrelationAtAMessageWithoutOne() {
        var command = GenericCommandMessage.asCommandMessage("create").andMetaData(MetaData.emptyInstance());
        assertThat(Map.<String, Object>copyOf(provider.correlationDataFor(command)))
                .containsEntry(EventMetadata.CORRELATION_ID, command.getIdentifier())
                .doesNotContainKey(EventMetadata.PROJECT_ID);
    }
}
