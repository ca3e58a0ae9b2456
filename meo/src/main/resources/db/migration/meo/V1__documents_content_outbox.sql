-- The MEO keeps each resource (app package, app instance, LCM operation occurrence, subscription, MEC host,
-- grant, capacity reservation) as the JSON of its domain record, keyed by kind and id: the resources are
-- read whole, their shapes follow ETSI GS MEC 010-2, and one table keeps the schema stable while the
-- records evolve.
CREATE TABLE meo_document (
    doc_key    VARCHAR(160) NOT NULL PRIMARY KEY,
    kind       VARCHAR(32)  NOT NULL,
    id         VARCHAR(128) NOT NULL,
    created_ms BIGINT       NOT NULL,
    body       TEXT         NOT NULL
);
CREATE INDEX meo_document_kind ON meo_document (kind, created_ms);

-- The package file (zip) of each application package, once uploaded or fetched.
CREATE TABLE meo_package_content (
    app_pkg_id VARCHAR(128) NOT NULL PRIMARY KEY,
    content    BYTEA        NOT NULL
);

-- Notifications to subscribers, written in the same transaction as the state change they report and
-- delivered (with retries and back-off) by the dispatcher; they survive a restart.
CREATE TABLE meo_outbox (
    seq             BIGINT        NOT NULL PRIMARY KEY,
    callback_uri    VARCHAR(2048) NOT NULL,
    body            TEXT          NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_ms BIGINT        NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    last_error      VARCHAR(1024)
);
CREATE INDEX meo_outbox_due ON meo_outbox (state, next_attempt_ms);
