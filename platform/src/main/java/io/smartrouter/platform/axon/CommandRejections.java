package io.smartrouter.platform.axon;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.ErrorCode;
import io.smartrouter.platform.error.ErrorTranslator;
import io.smartrouter.platform.error.PlatformErrorCode;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Business rules broken by a command travel as a {@link CommandExecutionException} whose details are an
 * {@link ErrorCode}, so they survive a distributed command bus; this turns them back into API errors. A command that
 * lost a race on an aggregate's sequence number (Axon's {@link ConcurrencyException}) is a 409, not a server fault.
 */
public final class CommandRejections implements ErrorTranslator {

    /** What an aggregate throws when a command breaks a rule. */
    public static CommandExecutionException reject(ErrorCode code, String message) {
        return new CommandExecutionException(message, null, code);
    }

    @Override
    public Optional<ApiException> translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return Optional.of(api);
            }
            if (t instanceof ConcurrencyException) {
                return Optional.of(new ApiException(PlatformErrorCode.CONCURRENT_MODIFICATION,
                        "Another request changed this object at the same moment; retry to see its result"));
            }
            if (t instanceof CommandExecutionException rejection) {
                Optional<ErrorCode> code = rejection.getDetails().filter(ErrorCode.class::isInstance)
                        .map(ErrorCode.class::cast);
                if (code.isPresent()) {
                    return Optional.of(new ApiException(code.get(), rejection.getMessage()));
                }
            }
        }
        return Optional.empty();
    }
}
