package io.smartrouter.webhook.secret;

import io.smartrouter.platform.id.Ids;
import io.smartrouter.webhook.delivery.signing.SigningSecret;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signing secrets of endpoints (and of each project's invoice webhooks), sealed in table {@code signing_secret}
 * and referred to by id from the endpoint events, which never carry a secret. Secrets never change once written, so
 * opened ones are cached by id for the delivery worker.
 */
public class SigningSecrets {

    private final JdbcTemplate jdbc;
    private final SecretSealer sealer;
    private final Clock clock;
    private final Map<String, SigningSecret> opened = new ConcurrentHashMap<>();

    public SigningSecrets(JdbcTemplate jdbc, SecretSealer sealer, Clock clock) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.clock = clock;
        jdbc.execute("CREATE TABLE IF NOT EXISTS signing_secret (secret_id VARCHAR(40) PRIMARY KEY, "
                + "owner_id VARCHAR(120) NOT NULL, sealed VARCHAR(200) NOT NULL, created_at TIMESTAMP NOT NULL)");
    }

    /** Stores a new secret for {@code owner} and answers its id. An unused one (a crash before its event) is harmless. */
    public String store(SigningSecret secret, String owner) {
        String id = "sec_" + Ids.random();
        jdbc.update("INSERT INTO signing_secret (secret_id, owner_id, sealed, created_at) VALUES (?, ?, ?, ?)",
                id, owner, sealer.seal(secret, owner), Timestamp.from(clock.instant()));
        opened.put(owner + "/" + id, secret);
        return id;
    }

    /** The secret with this id, which must belong to {@code owner}. */
    public SigningSecret get(String secretId, String owner) {
        return opened.computeIfAbsent(owner + "/" + secretId, key -> {
            String id = secretId;
            var rows = jdbc.queryForList("SELECT owner_id, sealed FROM signing_secret WHERE secret_id = ?", id);
            if (rows.isEmpty() || !owner.equals(rows.get(0).get("owner_id"))) {
                throw new IllegalStateException("No signing secret " + id + " for " + owner);
            }
            return sealer.open((String) rows.get(0).get("sealed"), owner);
        });
    }
}
