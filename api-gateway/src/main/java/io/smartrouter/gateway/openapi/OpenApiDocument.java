package io.smartrouter.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The public API's OpenAPI document. It is written by hand as YAML ({@code openapi/openapi.yaml}, next to the code it
 * describes) and converted to JSON once, at start-up, so a broken document stops the gateway instead of serving junk.
 */
public final class OpenApiDocument {

    static final String LOCATION = "openapi/openapi.yaml";

    private final byte[] json;

    private OpenApiDocument(byte[] json) {
        this.json = json;
    }

    public static OpenApiDocument load() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            JsonNode tree = YAMLMapper.builder().build().readTree(in);
            if (tree == null || !tree.path("openapi").isString() || !tree.path("paths").isObject()) {
                throw new IllegalStateException(LOCATION + " is not an OpenAPI document");
            }
            return new OpenApiDocument(JsonMapper.shared().writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
    }

    /** The document as JSON (a copy: callers cannot change what is served). */
    public byte[] json() {
        return json.clone();
    }
}
