package io.smartrouter.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test fixture for the real PostgreSQL server on 127.0.0.1:5432 (trust auth, user {@code postgres}). As a JUnit
 * condition it skips a test class when the server is unreachable, except when {@code CI=true}: there the test fails,
 * since PostgreSQL is the production database and must be tested for real. Each run works in a fresh schema.
 */
public final class RealPostgres implements ExecutionCondition {

    public static final String SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String USER = "postgres";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection ignored = connect()) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + SERVER_URL);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + SERVER_URL + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new ExtensionConfigurationException(why + "; with CI=true the PostgreSQL tests must run", e);
            }
            return ConditionEvaluationResult.disabled(why + "; skipping (set CI=true to make this a failure)");
        }
    }

    /** Creates a new, empty schema and answers a JDBC URL that uses it. */
    public static String freshSchemaUrl(String prefix) {
        String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return SERVER_URL + "?currentSchema=" + schema;
    }

    public static void dropSchemaOf(String url) {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL statement failed: " + sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(SERVER_URL, USER, "");
    }
}
