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
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test fixture for the real PostgreSQL server on 127.0.0.1:5432 (trust auth, user {@code postgres}). As a JUnit
 * condition it skips a test class when the server is unreachable, except when {@code CI=true}: there the test fails,
 * since PostgreSQL is the production database and must be tested for real. Each run works in a fresh database.
 */
public final class RealPostgres implements ExecutionCondition {

    public static final String SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String USER = "postgres";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection ignored = connect(SERVER_URL)) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + SERVER_URL);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + SERVER_URL + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new ExtensionConfigurationException(why + "; with CI=true the PostgreSQL tests must run", e);
            }
            return ConditionEvaluationResult.disabled(why + "; skipping (set CI=true to make this a failure)");
        }
    }

    /**
     * Creates a new, empty database with a schema of the same name and answers a JDBC URL that uses both. A database
     * of its own, not only a schema: Hibernate's schema update looks for its sequences across every schema of the
     * database, so with several modules' PostgreSQL tests running at once ({@code mvn -T 2}) it could see another
     * test's {@code domain_event_entry_seq} and not create its own.
     */
    public static String freshSchemaUrl(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        execute(SERVER_URL, "CREATE DATABASE " + name);
        execute(databaseUrl(name), "CREATE SCHEMA " + name);
        return databaseUrl(name) + "?currentSchema=" + name;
    }

    /** Points the Spring test context at a fresh database and schema (from a {@code @DynamicPropertySource}). */
    public static String useFreshSchema(DynamicPropertyRegistry registry, String prefix) {
        String url = freshSchemaUrl(prefix);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        return url;
    }

    /** Drops the database of a URL from {@link #freshSchemaUrl}, closing the test context's connections to it. */
    public static void dropSchemaOf(String url) {
        String name = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        execute(SERVER_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static String databaseUrl(String database) {
        return SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + database;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL statement failed: " + sql, e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(url, USER, "");
    }
}
