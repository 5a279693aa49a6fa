package io.smartrouter.webhook.secret;

import io.smartrouter.webhook.delivery.signing.SigningSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each project's secret for the deliveries to its invoices' own {@code webhook_url}s (table
 * {@code invoice_webhook_secret}). It is made on first need; the merchant sees it only by rotating it
 * ({@code POST /webhook-endpoints/invoice-webhooks/rotate-secret}), after which the old one keeps signing next to the
 * new one for the overlap, like an endpoint's. Plain state rather than an aggregate: it has no rules beyond that.
 */
public class InvoiceWebhookSecrets {

    private final JdbcTemplate jdbc;
    private final SigningSecrets secrets;

    public InvoiceWebhookSecrets(JdbcTemplate jdbc, SigningSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    static String owner(String projectId) {
        return "invoice-webhooks:" + projectId;
    }

    /** The secrets that sign the project's invoice webhooks now, making the first one if there is none. */
    public List<SigningSecret> signing(String projectId, Instant now) {
        Map<String, Object> row = row(projectId).orElseGet(() -> {
            create(projectId, now);
            return row(projectId).orElseThrow();
        });
        String owner = owner(projectId);
        SigningSecret current = secrets.get((String) row.get("secret_id"), owner);
        Number expires = (Number) row.get("previous_expires_at");
        if (row.get("previous_secret_id") != null && expires != null && now.toEpochMilli() < expires.longValue()) {
            return List.of(current, secrets.get((String) row.get("previous_secret_id"), owner));
        }
        return List.of(current);
    }

    /** A new secret (answered once, to show it); the previous one signs too for {@code overlap}. */
    public SigningSecret rotate(String projectId, Instant now, Duration overlap) {
        signing(projectId, now);
        SigningSecret secret = SigningSecret.generate();
        String secretId = secrets.store(secret, owner(projectId));
        jdbc.update("UPDATE invoice_webhook_secret SET previous_secret_id = secret_id, previous_expires_at = ?, "
                + "secret_id = ?, updated_at = ? WHERE project_id = ?", now.plus(overlap).toEpochMilli(), secretId,
                now.toEpochMilli(), projectId);
        return secret;
    }

    private void create(String projectId, Instant now) {
        String secretId = secrets.store(SigningSecret.generate(), owner(projectId));
        try {
            jdbc.update("INSERT INTO invoice_webhook_secret (project_id, secret_id, updated_at) VALUES (?, ?, ?)",
                    projectId, secretId, now.toEpochMilli());
        } catch (DuplicateKeyException e) {
            // made at the same moment by another delivery: that one counts
        }
    }

    private Optional<Map<String, Object>> row(String projectId) {
        return jdbc.queryForList("SELECT secret_id, previous_secret_id, previous_expires_at FROM invoice_webhook_secret "
                + "WHERE project_id = ?", projectId).stream().findFirst();
    }
}
