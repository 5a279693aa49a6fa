package io.smartrouter.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityCheckTests {

    static final Schema V1 = schema("{\"name\":\"amount\",\"type\":\"long\"}");
    static final Schema ADDED_WITH_DEFAULT = schema(
            "{\"name\":\"amount\",\"type\":\"long\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}");
    static final Schema ADDED_WITHOUT_DEFAULT = schema("{\"name\":\"amount\",\"type\":\"long\"},{\"name\":\"note\",\"type\":\"string\"}");
    static final Schema TYPE_CHANGED = schema("{\"name\":\"amount\",\"type\":\"string\"}");

    @Test
    void acceptsACurrentSchemaThatIsItsNewestPublishedVersion() {
        assertThat(SchemaCompatibilityCheck.problems(PublishedSchemas.of(List.of(V1, ADDED_WITH_DEFAULT)),
                List.of(ADDED_WITH_DEFAULT))).isEmpty();
    }

    @Test
    void demandsANewVersionFileForAChangedSchema() {
        assertThat(SchemaCompatibilityCheck.problems(PublishedSchemas.of(List.of(V1)), List.of(ADDED_WITH_DEFAULT)))
                .singleElement().asString().contains("publish it as v2.avsc");
    }

    @Test
    void demandsPublicationOfANewSchema() {
        assertThat(SchemaCompatibilityCheck.problems(PublishedSchemas.of(List.of()), List.of(V1)))
                .singleElement().asString().contains("is not published");
    }

    @Test
    void refusesVersionsThatCannotReadEachOther() {
        assertThat(SchemaCompatibilityCheck.problems(PublishedSchemas.of(List.of(V1, TYPE_CHANGED)), List.of(TYPE_CHANGED)))
                .singleElement().asString().contains("not backward compatible");
        assertThat(SchemaCompatibilityCheck.problems(PublishedSchemas.of(List.of(V1, ADDED_WITHOUT_DEFAULT)),
                List.of(ADDED_WITHOUT_DEFAULT))).singleElement().asString().contains("not backward compatible");
        assertThat(SchemaCompatibilityCheck.problems(PublishedSchemas.of(List.of(ADDED_WITHOUT_DEFAULT, V1)), List.of(V1)))
                .singleElement().asString().contains("not forward compatible");
    }

    @Test
    void checksEveryPairTransitively() {
        Schema v3 = schema("{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}");
        assertThat(SchemaCompatibilityCheck.problems(PublishedSchemas.of(List.of(V1, ADDED_WITH_DEFAULT, v3)), List.of(v3)))
                .isNotEmpty();
    }

    private static Schema schema(String fields) {
        return PublishedSchemas.parse("{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"test\",\"fields\":[" + fields + "]}");
    }
}
