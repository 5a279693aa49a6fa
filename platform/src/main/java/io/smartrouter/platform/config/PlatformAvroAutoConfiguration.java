package io.smartrouter.platform.config;

import io.smartrouter.platform.axon.PublishedRecordStrategy;
import io.smartrouter.schemas.registry.PublishedSchemas;
import io.smartrouter.schemas.serde.EventPayloads;
import org.apache.avro.message.SchemaStore;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.avro.AvroSerializerStrategy;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Gives Axon's Avro serializer every published schema version, so events stored under an older schema still load, and
 * our records' cached codecs ({@link PublishedRecordStrategy}). Runs before Axon's own Avro configuration, which
 * otherwise registers only the schemas of the current classes.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AvroSerializerAutoConfiguration")
@ConditionalOnClass(name = "org.axonframework.serialization.avro.AvroSerializer")
public class PlatformAvroAutoConfiguration {

    /** Also initializes every event class once, single-threaded, before commands and processors run. */
    @Bean
    SchemaStore publishedSchemas() {
        EventPayloads.initializeAll();
        return PublishedSchemas.load();
    }

    /** Axon's serializer tries the strategies it is given before its own. */
    @Bean
    AvroSerializerStrategy publishedRecordStrategy(RevisionResolver revisionResolver) {
        return new PublishedRecordStrategy(PublishedSchemas.load(), revisionResolver);
    }
}
