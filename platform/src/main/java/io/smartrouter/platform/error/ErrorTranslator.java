package io.smartrouter.platform.error;

import java.util.Optional;

/**
 * Turns a framework-specific failure (an Axon command rejection, say) into an {@link ApiException}. Beans of this type
 * are consulted by the error envelope handler before its generic mapping.
 */
@FunctionalInterface
public interface ErrorTranslator {

    Optional<ApiException> translate(Throwable failure);
}
