package io.smartrouter.simulator.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format's JSON: snake_case names, unknown fields refused, no fractional amounts. The handlers use this
 * mapper themselves rather than the server's codecs, so the simulator speaks the same JSON embedded in a test as under
 * Spring Boot.
 */
final class SimulatorJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private SimulatorJson() {
    }

    /** The body as {@code type}; a malformed body is a 400 whose message never quotes the body (it may hold a PAN). */
    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("A JSON body is required");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new BadRequestException("A JSON object is required");
            }
            return value;
        } catch (JacksonException e) {
            throw new BadRequestException("The body is not valid JSON for this request (malformed, an unknown field, "
                    + "or a field of the wrong type)");
        }
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
