package io.smartrouter.gateway.auth;

import io.smartrouter.platform.id.ProjectId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The projects' credentials as the database gave them, remembered for a short while ({@code ttl}) so that a request
 * whose key matches is authenticated in memory, on the event loop, instead of with a database read on another thread.
 * Only successful reads are remembered, and a key that does not match what is remembered is checked against the
 * database again: a project or key created on any gateway instance works at once. A key revoked on this instance
 * stops working at once ({@link #forget}); one revoked on another instance within {@code ttl}.
 */
public class RememberedCredentials implements ProjectDirectory {

    private final ProjectDirectory database;
    private final long ttlNanos;
    private final int maxProjects;
    private final LongSupplier nanoTime;
    private final Map<String, Remembered> projects = new ConcurrentHashMap<>();

    public RememberedCredentials(ProjectDirectory database, Duration ttl, int maxProjects, LongSupplier nanoTime) {
        this.database = database;
        this.ttlNanos = ttl.toNanos();
        this.maxProjects = maxProjects;
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<Credentials> credentials(ProjectId projectId) {
        long readAt = nanoTime.getAsLong();
        Optional<Credentials> read = database.credentials(projectId);
        if (projects.size() >= maxProjects) {
            projects.values().removeIf(remembered -> !remembered.freshAt(nanoTime.getAsLong(), ttlNanos));
            if (projects.size() >= maxProjects) {
                projects.clear();
            }
        }
        // A read that began before a later read or a revocation on this instance (forget) is older: it is dropped.
        var fresh = new Remembered(read.orElse(null), readAt);
        projects.merge(projectId.value(), fresh, (known, now) -> known.readAtNanos() > now.readAtNanos() ? known : now);
        return read;
    }

    @Override
    public Optional<Credentials> remembered(ProjectId projectId) {
        Remembered remembered = projects.get(projectId.value());
        return remembered != null && remembered.credentials() != null
                && remembered.freshAt(nanoTime.getAsLong(), ttlNanos)
                ? Optional.of(remembered.credentials()) : Optional.empty();
    }

    /**
     * Forgets a project's credentials once its keys changed in the database (a revocation): the next request reads
     * them again, and a read that began before this call is not remembered.
     */
    public void forget(String projectId) {
        projects.put(projectId, new Remembered(null, nanoTime.getAsLong()));
    }

    /** Credentials read at a time; none for a project that does not exist or was just forgotten. */
    private record Remembered(Credentials credentials, long readAtNanos) {

        boolean freshAt(long now, long ttlNanos) {
            return now - readAtNanos < ttlNanos;
        }
    }
}
