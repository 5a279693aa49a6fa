package io.smartrouter.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

class AxonTypeValidatorTests {

    /** What Axon gives a new processor on a store of 52 events. */
    private static final TrackingToken REPLAY = ReplayToken.createReplayToken(
            GapAwareTrackingToken.newInstance(52, Set.of()));

    private final Jackson3Serializer serializer = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(json -> json.polymorphicTypeValidator(new AxonTypeValidator()))
            .build();

    @Test
    void theReplayTokenANewProcessorStartsWithIsReadBack() {
        assertThat(roundTrip(REPLAY)).isEqualTo(REPLAY);
    }

    @Test
    void jacksonsDefaultCannotReadItBack() {
        Jackson3Serializer axonDefault = Jackson3Serializer.builder().build();

        assertThatThrownBy(() -> axonDefault.deserialize(axonDefault.serialize(REPLAY, byte[].class)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void anObjectTypedPropertyTakesAxonsClassesAndNothingElse() {
        var axons = new Carrier(GapAwareTrackingToken.newInstance(7, Set.of()));
        SerializedObject<byte[]> other = serializer.serialize(new Carrier(new ArrayList<>()), byte[].class);

        assertThat(roundTrip(axons)).isEqualTo(axons);
        assertThatThrownBy(() -> serializer.deserialize(other)).isInstanceOf(SerializationException.class)
                .hasStackTraceContaining("denied resolution");
    }

    private Object roundTrip(Object value) {
        return serializer.deserialize(serializer.serialize(value, byte[].class));
    }

    /** A property typed {@link Object} with its class named in the JSON, as Axon's replay context is. */
    record Carrier(@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object value) {
    }
}
