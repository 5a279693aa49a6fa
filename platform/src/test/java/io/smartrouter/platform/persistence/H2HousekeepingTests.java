package io.smartrouter.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file database that commits synchronously, as the services' do, fills its file with sparse chunks; the housekeeping
 * rewrites them into few full ones, loses no row, and leaves the file readable after a reopen.
 */
class H2HousekeepingTests {

    private static final int COMMITS = 3_000;
    /** Longer than the test: every tick is run by the test itself. */
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path directory;

    @Test
    void rewritesTheSparseChunksThatSynchronousCommitsLeave() throws Exception {
        // RETENTION_TIME=0: chunks may be rewritten at once instead of after H2's 45 s.
        JdbcDataSource database = database(
                "jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0;DB_CLOSE_DELAY=-1");
        commitSmallChanges(database);
        int sparse = chunksFillRate(database);
        long chunksBefore = chunkCount(database);
        assertThat(sparse).as("without housekeeping each commit leaves its chunk mostly dead").isLessThan(40);

        try (H2Housekeeping housekeeping = new H2Housekeeping(database, NEVER)) {
            int rounds = 0;
            while (housekeeping.tick() && rounds < 10_000) {
                rounds++;
            }
            assertThat(rounds).isPositive();
        }

        assertThat(chunksFillRate(database)).isGreaterThan(Math.max(sparse, 80));
        assertThat(chunkCount(database)).isLessThan(chunksBefore / 10);
        assertRowsIntact(database);
        closeDatabase(database);
        assertRowsIntact(database);
    }

    @Test
    void stopsAtOnceOnADatabaseThatIsNotAnH2File() throws Exception {
        JdbcDataSource inMemory = database("jdbc:h2:mem:housekeeping;DB_CLOSE_DELAY=-1");
        try (H2Housekeeping housekeeping = new H2Housekeeping(inMemory, NEVER)) {
            assertThat(housekeeping.tick()).isFalse();
            assertThat(housekeeping.running()).isFalse();
        }
        closeDatabase(inMemory);
    }

    private static JdbcDataSource database(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    /** An event-store-like table that only grows and a read-model-like one whose rows change, one commit each. */
    private static void commitSmallChanges(JdbcDataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE event (id BIGINT PRIMARY KEY, payload VARCHAR(200))");
            ddl.execute("CREATE TABLE summary (id INT PRIMARY KEY, total BIGINT)");
            ddl.execute("INSERT INTO summary SELECT x, 0 FROM SYSTEM_RANGE(1, 50)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event VALUES (?, ?)");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE summary SET total = total + ? WHERE id = ?")) {
                for (int i = 1; i <= COMMITS; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "event " + i + " of a transaction, as an aggregate would record it");
                    insert.executeUpdate();
                    update.setLong(1, i);
                    update.setInt(2, 1 + i % 50);
                    update.executeUpdate();
                }
            }
        }
    }

    private static void assertRowsIntact(JdbcDataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement query = connection.createStatement();
                ResultSet events = query.executeQuery("SELECT COUNT(*), SUM(id) FROM event")) {
            events.next();
            assertThat(events.getLong(1)).isEqualTo(COMMITS);
            assertThat(events.getLong(2)).isEqualTo((long) COMMITS * (COMMITS + 1) / 2);
            try (ResultSet totals = query.executeQuery("SELECT SUM(total) FROM summary")) {
                totals.next();
                assertThat(totals.getLong(1)).isEqualTo((long) COMMITS * (COMMITS + 1) / 2);
            }
        }
    }

    private static int chunksFillRate(JdbcDataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return store(connection).getFileStore().getChunksFillRate();
        }
    }

    private static long chunkCount(JdbcDataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return store(connection).getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
        }
    }

    private static MVStore store(Connection connection) throws SQLException {
        return H2Housekeeping.store(connection).orElseThrow();
    }

    private static void closeDatabase(JdbcDataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN");
        }
    }
}
