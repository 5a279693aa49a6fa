package io.smartrouter.gateway.project;

import io.smartrouter.gateway.auth.ProjectDirectory;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.Ids;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.web.PageParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects and their secret keys in the gateway's database, shared by every gateway instance. Blocking (JDBC): call it
 * through {@code Blocking} from request handling. Secrets are returned once, at creation, and stored as SHA-256 only.
 */
public class ProjectStore implements ProjectDirectory {

    static final String PROJECT_COLUMNS = "id, name, sandbox, created_at";
    static final String KEY_COLUMNS = "id, project_id, created_at, revoked_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ProjectStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new project with its first secret key. */
    public CreatedProject create(String name, boolean sandbox) {
        String id = (sandbox ? "test-proj_" : "proj_") + Ids.random();
        String secret = SecretKeys.newSecret(sandbox);
        Instant now = now();
        return transactions.execute(status -> {
            insertProject(id, name, sandbox, now);
            ApiKey key = insertKey(id, SecretKeys.sha256Hex(secret), now);
            return new CreatedProject(new Project(id, name, sandbox, now), key, secret);
        });
    }

    /**
     * Creates a project with a key whose hash is given, unless the project exists (then nothing changes, so a key
     * the operator revoked is not brought back). Answers whether it was created. Safe when instances start at once.
     */
    public boolean seed(String projectId, String name, String secretKeyHash) {
        if (find(projectId).isPresent()) {
            return false;
        }
        try {
            Instant now = now();
            transactions.executeWithoutResult(status -> {
                insertProject(projectId, name, new ProjectId(projectId).sandbox(), now);
                insertKey(projectId, secretKeyHash, now);
            });
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<Project> find(String projectId) {
        return jdbc.sql("SELECT " + PROJECT_COLUMNS + " FROM gateway_project WHERE id = ?").param(projectId)
                .query(ProjectStore::project).optional();
    }

    /**
     * Cursor pagination ordered by (created_at, id), newest first by default, as the services' lists. Walking backwards
     * (end_before) reads in the opposite order and flips the page afterwards.
     */
    public ProjectPage list(PageParameters page) {
        String cursorId = page.startAfter() != null ? page.startAfter() : page.endBefore();
        Project cursor = cursorId == null ? null : find(cursorId).orElseThrow(() -> new ApiException(
                PlatformErrorCode.INVALID_FIELD, "The pagination cursor is not a project"));
        boolean backwards = page.endBefore() != null;
        boolean ascending = page.ascending() != backwards;
        String beyond = ascending ? ">" : "<";
        String direction = ascending ? " ASC" : " DESC";
        List<Object> params = new ArrayList<>();
        String where = "";
        if (cursor != null) {
            where = " WHERE (created_at " + beyond + " ? OR (created_at = ? AND id " + beyond + " ?))";
            long at = cursor.createdAt().toEpochMilli();
            params.addAll(List.of(at, at, cursor.id()));
        }
        List<Project> rows = jdbc.sql("SELECT " + PROJECT_COLUMNS + " FROM gateway_project" + where
                        + " ORDER BY created_at" + direction + ", id" + direction + " LIMIT " + (page.limit() + 1))
                .params(params).query(ProjectStore::project).list();
        boolean hasMore = rows.size() > page.limit();
        List<Project> shown = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())));
        if (backwards) {
            Collections.reverse(shown);
        }
        return new ProjectPage(shown, hasMore);
    }

    /** A new secret key for a project (rotation); the project's other keys stay active until revoked. */
    public Optional<CreatedKey> addKey(String projectId) {
        return find(projectId).map(project -> {
            String secret = SecretKeys.newSecret(project.sandbox());
            return new CreatedKey(insertKey(projectId, SecretKeys.sha256Hex(secret), now()), secret);
        });
    }

    public List<ApiKey> keys(String projectId) {
        return jdbc.sql("SELECT " + KEY_COLUMNS + " FROM gateway_api_key WHERE project_id = ? ORDER BY created_at, id")
                .param(projectId).query(ProjectStore::key).list();
    }

    /** Revokes a key (again: no change). Empty when the project has no such key. */
    public Optional<ApiKey> revoke(String projectId, String keyId) {
        jdbc.sql("UPDATE gateway_api_key SET revoked_at = ? WHERE id = ? AND project_id = ? AND revoked_at IS NULL")
                .params(now().toEpochMilli(), keyId, projectId).update();
        return jdbc.sql("SELECT " + KEY_COLUMNS + " FROM gateway_api_key WHERE id = ? AND project_id = ?")
                .params(keyId, projectId).query(ProjectStore::key).optional();
    }

    /** Whether any project still has an active key with this hash (production refuses the demo key). */
    public boolean hasActiveKey(String secretKeyHash) {
        return jdbc.sql("SELECT COUNT(*) FROM gateway_api_key WHERE secret_hash = ? AND revoked_at IS NULL")
                .param(secretKeyHash).query(Long.class).single() > 0;
    }

    @Override
    public Optional<Credentials> credentials(ProjectId projectId) {
        List<Row> rows = jdbc.sql("SELECT p.sandbox, k.secret_hash FROM gateway_project p LEFT JOIN gateway_api_key k "
                        + "ON k.project_id = p.id AND k.revoked_at IS NULL WHERE p.id = ?")
                .param(projectId.value())
                .query((rs, n) -> new Row(rs.getBoolean(1), rs.getString(2))).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> hashes = rows.stream().filter(row -> row.hash() != null)
                .map(row -> HexFormat.of().parseHex(row.hash())).toList();
        return Optional.of(new Credentials(rows.get(0).sandbox(), hashes));
    }

    private void insertProject(String id, String name, boolean sandbox, Instant now) {
        jdbc.sql("INSERT INTO gateway_project (" + PROJECT_COLUMNS + ") VALUES (?, ?, ?, ?)")
                .params(id, name, sandbox, now.toEpochMilli()).update();
    }

    private ApiKey insertKey(String projectId, String hash, Instant now) {
        String keyId = "key_" + Ids.random();
        jdbc.sql("INSERT INTO gateway_api_key (id, project_id, secret_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(keyId, projectId, hash, now.toEpochMilli()).update();
        return new ApiKey(keyId, projectId, now, null);
    }

    private Instant now() {
        // Milliseconds, as stored, so that what create answers equals what a later read answers.
        return Instant.ofEpochMilli(clock.millis());
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getString("id"), rs.getString("name"), rs.getBoolean("sandbox"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static ApiKey key(ResultSet rs, int row) throws SQLException {
        long revoked = rs.getLong("revoked_at");
        Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new ApiKey(rs.getString("id"), rs.getString("project_id"), Instant.ofEpochMilli(rs.getLong("created_at")),
                revokedAt);
    }

    private record Row(boolean sandbox, String hash) {
    }

    /** A project just created, with its first key's secret (shown once). */
    public record CreatedProject(Project project, ApiKey key, String secretKey) {
    }

    /** One page of projects. */
    public record ProjectPage(List<Project> projects, boolean hasMore) {
    }

    /** A key just created, with its secret (shown once). */
    public record CreatedKey(ApiKey key, String secretKey) {
    }
}
