package io.smartrouter.platform.testing;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL a piece of work really sent to an H2 database (Hibernate's included), from H2's query statistics. They are
 * database-wide: run it while nothing else works on the database.
 */
public final class H2Statements {

    private H2Statements() {
    }

    /** Every distinct statement run while {@code work} ran, as H2 logged it; the log is off again afterwards. */
    public static List<String> sentDuring(JdbcTemplate jdbc, Runnable work) {
        jdbc.execute("SET QUERY_STATISTICS FALSE"); // drops what an earlier use gathered
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try {
            work.run();
            return jdbc.queryForList("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS", String.class);
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
    }
}
