package io.smartrouter.platform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return List.copyOf(executionsDuring(jdbc, work).keySet());
    }

    /** As {@link #sentDuring}, with the number of times each statement ran. */
    public static Map<String, Integer> executionsDuring(JdbcTemplate jdbc, Runnable work) {
        jdbc.execute("SET QUERY_STATISTICS FALSE"); // drops what an earlier use gathered
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try {
            work.run();
            Map<String, Integer> executions = new LinkedHashMap<>();
            jdbc.query("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS",
                    row -> {
                        executions.put(row.getString(1), row.getInt(2));
                    });
            return executions;
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
    }
}
