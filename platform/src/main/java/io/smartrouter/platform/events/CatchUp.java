package io.smartrouter.platform.events;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting for a projection of another service's events to catch up: a request can arrive right after the event it
 * depends on was published (authorize right after create), before this service has consumed it. Blocking: call off
 * the event loop.
 */
public final class CatchUp {

    /** Short: the awaited event usually arrives a few milliseconds after the request, and a lookup is one key read. */
    static final Duration POLL = Duration.ofMillis(10);

    private CatchUp() {
    }

    /** Looks up until {@code lookup} finds something or {@code timeout} passes; answers the last lookup. */
    public static <T> Optional<T> await(Duration timeout, Supplier<Optional<T>> lookup) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<T> found = lookup.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            found = lookup.get();
        }
        return found;
    }
}
