-- Answers of command POSTs that carried an Idempotency-Key, kept 24 hours, so a repeat gets the first answer.
-- id: SHA-256 of the caller and the key; request_hash: SHA-256 of method, path and body (a key names one request).
-- (BYTEA: PostgreSQL's binary type, which H2 reads as BINARY VARYING)
CREATE TABLE IF NOT EXISTS idempotent_request (
    id            VARCHAR(64) PRIMARY KEY,
    request_hash  VARCHAR(64) NOT NULL,
    state         VARCHAR(11) NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
    status        INT,
    content_type  VARCHAR(100),
    location      VARCHAR(300),
    body          BYTEA,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotent_request_created ON idempotent_request (created_at);
