-- The gateway's own tables, shared by every gateway instance. Plain SQL that H2 and PostgreSQL both accept; run at
-- start-up by GatewaySchema (idempotent). Times are epoch milliseconds (UTC).

CREATE TABLE IF NOT EXISTS gateway_project (
    id          VARCHAR(80)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    sandbox     BOOLEAN      NOT NULL,
    created_at  BIGINT       NOT NULL
);

CREATE INDEX IF NOT EXISTS gateway_project_created ON gateway_project (created_at, id);

-- Secret keys as SHA-256 hashes only (lower-case hex); a revoked key keeps its row for the audit trail.
CREATE TABLE IF NOT EXISTS gateway_api_key (
    id           VARCHAR(40) NOT NULL PRIMARY KEY,
    project_id   VARCHAR(80) NOT NULL REFERENCES gateway_project (id),
    secret_hash  VARCHAR(64) NOT NULL,
    created_at   BIGINT      NOT NULL,
    revoked_at   BIGINT
);

CREATE INDEX IF NOT EXISTS gateway_api_key_project ON gateway_api_key (project_id);

-- Idempotency keys per project: the first request's fingerprint, who runs it (owner) and until when (lease), then
-- the answer to replay. Rows older than the retention are purged.
CREATE TABLE IF NOT EXISTS gateway_idempotency_key (
    project_id       VARCHAR(80)  NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    request_hash     VARCHAR(64)  NOT NULL,
    owner            VARCHAR(40)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    lease_until      BIGINT       NOT NULL,
    created_at       BIGINT       NOT NULL,
    status           INTEGER,
    content_type     VARCHAR(255),
    body             BYTEA,
    PRIMARY KEY (project_id, idempotency_key)
);

CREATE INDEX IF NOT EXISTS gateway_idempotency_created ON gateway_idempotency_key (created_at);
