package io.smartrouter.platform.axon;

import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.DefaultBaseTypeLimitingValidator;

/**
 * Jackson's default check on polymorphic types for Axon's JSON serializer, except that a property typed
 * {@link Object} may hold one of Axon's own classes. Axon's {@code ReplayToken} has one (its replay context), and a
 * processor's token store reads its tokens with that serializer: with Jackson's default the token cannot be read back
 * and the processor stops for good. Axon gives a new processor a replay token whenever its event store already holds
 * events, so the services' Kafka publishers met it (ADR 0028). Other {@code Object}-typed properties still get nothing
 * but Axon's classes.
 */
public final class AxonTypeValidator extends DefaultBaseTypeLimitingValidator {

    private static final String AXON_PACKAGE = "org.axonframework.";

    @Override
    protected boolean isUnsafeBaseType(DatabindContext context, JavaType baseType) {
        return !baseType.hasRawClass(Object.class) && super.isUnsafeBaseType(context, baseType);
    }

    @Override
    protected boolean isSafeSubType(DatabindContext context, JavaType baseType, JavaType subType) {
        return !baseType.hasRawClass(Object.class) || subType.getRawClass().getName().startsWith(AXON_PACKAGE);
    }
}
