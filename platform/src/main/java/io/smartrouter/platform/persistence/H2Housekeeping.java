package io.smartrouter.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compaction H2 leaves undone when every commit is written before it returns ({@code WRITE_DELAY=0}, ADR 0013).
 * H2 rewrites sparse chunks of its file in its background writer thread, and that thread only runs with a write delay;
 * without it each commit adds a chunk, the pages a later commit replaces leave the older chunks sparse but alive, and
 * nothing ever rewrites them: the file grows by the whole chunk for each commit (about 4 MB/s under the benchmark's
 * load), and each commit costs more as the store's map of live chunks grows.
 * <p>
 * This does what H2's background writer would, on a daemon thread of its own: at every tick, when the live chunks are
 * less than {@link #TARGET_FILL_RATE} percent full, the sparsest ones older than H2's retention time are rewritten, up
 * to {@link #WRITE_LIMIT} bytes of live pages, and the store is committed; chunks left without a live page are freed
 * and their space is reused. H2 runs the rewrite under its own store lock, alongside the commits of the application's
 * transactions, exactly as its background writer does.
 */
public final class H2Housekeeping implements AutoCloseable {

    /** H2's own default compaction target ({@code autoCompactFillRate}): rewrite while chunks are less full. */
    static final int TARGET_FILL_RATE = 90;
    /**
     * Live bytes rewritten per tick at most: a tick holds H2's store lock (the commits wait) while it rewrites, so it
     * does a little at a time. H2's own writer, busy, rewrites up to a quarter of its auto-commit buffer (about 4 MB
     * with the services' heap) every 166 ms; under the benchmark's load that took a fifth of the webhook dispatcher's
     * CPU, while a megabyte a second keeps the files at a half to a fifth of their size without it (ADR 0018).
     */
    static final int WRITE_LIMIT = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private final PeriodicJob ticks;

    public H2Housekeeping(DataSource dataSource, Duration interval) {
        this.dataSource = dataSource;
        this.ticks = new PeriodicJob("h2-housekeeping", interval, this::tick);
    }

    /**
     * One round: rewrites the sparsest chunks when the store is under its fill target; answers whether it did. A
     * database that is not an H2 file (PostgreSQL, H2 in memory) needs none of this: the first tick stops the ticks.
     */
    boolean tick() {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = store(connection);
            if (store.isEmpty()) {
                ticks.stop();
                return false;
            }
            return compact(store.get());
        } catch (SQLException | RuntimeException failed) {
            // The next tick tries again; a closed database is the application's concern, reported where it is used.
            LOG.debug("H2 housekeeping skipped: {}", failed.toString());
            return false;
        }
    }

    private static boolean compact(MVStore store) {
        if (store.isClosed() || !store.compact(TARGET_FILL_RATE, WRITE_LIMIT)) {
            return false;
        }
        store.commit();
        return true;
    }

    /** The MVStore under an embedded H2 file database; empty for any other database. */
    static Optional<MVStore> store(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
            return Optional.empty();
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }

    boolean running() {
        return ticks.running();
    }

    /** Stops the ticks and waits for a running one, never interrupted ({@link PeriodicJob}). */
    @Override
    public void close() throws InterruptedException {
        ticks.close();
    }
}
