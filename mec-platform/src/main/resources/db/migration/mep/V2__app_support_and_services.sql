-- ETSI GS MEC 011 application support and service management, and the project's Mm5 binding.
-- Bodies that clients read back exactly as sent are kept as JSON text next to the columns that are queried.

-- An app instance as the MEPM configured it over Mm5, and its Mp1 progress (registration, readiness,
-- graceful termination). The OAuth 2.0 client secret is kept only as a SHA-256 hash.
CREATE TABLE mep_app_instance (
    app_instance_id       VARCHAR(128)   NOT NULL PRIMARY KEY,
    client_id             VARCHAR(256)   NOT NULL,
    client_secret_hash    VARCHAR(128)   NOT NULL,
    app_d_id              VARCHAR(256),
    config_json           VARCHAR(32000) NOT NULL,
    registered            BOOLEAN        NOT NULL,
    app_info_json         VARCHAR(32000),
    ready_confirmed       BOOLEAN        NOT NULL,
    termination_state     VARCHAR(32),
    termination_action    VARCHAR(32),
    termination_timeout   INTEGER,
    termination_deadline  BIGINT,
    CONSTRAINT mep_app_instance_client UNIQUE (client_id)
);

-- Traffic rules (kind TRAFFIC) and DNS rules (kind DNS) of an app; version feeds the strong ETag.
CREATE TABLE mep_rule (
    id              VARCHAR(400)   NOT NULL PRIMARY KEY,
    app_instance_id VARCHAR(128)   NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    rule_id         VARCHAR(256)   NOT NULL,
    body_json       VARCHAR(32000) NOT NULL,
    version         INTEGER        NOT NULL,
    CONSTRAINT mep_rule_per_app UNIQUE (app_instance_id, kind, rule_id)
);

-- Subscriptions of both Mp1 APIs: AppTerminationNotificationSubscription (kind APP_TERMINATION) and
-- SerAvailabilityNotificationSubscription (kind SER_AVAILABILITY).
CREATE TABLE mep_subscription (
    id                 VARCHAR(64)    NOT NULL PRIMARY KEY,
    kind               VARCHAR(32)    NOT NULL,
    app_instance_id    VARCHAR(128)   NOT NULL,
    callback_reference VARCHAR(2048)  NOT NULL,
    body_json          VARCHAR(32000) NOT NULL,
    created_at         BIGINT         NOT NULL
);
CREATE INDEX mep_subscription_app ON mep_subscription (app_instance_id, kind);

-- MEC services produced by the apps on this platform.
CREATE TABLE mep_service (
    ser_instance_id   VARCHAR(64)    NOT NULL PRIMARY KEY,
    app_instance_id   VARCHAR(128)   NOT NULL,
    ser_name          VARCHAR(256)   NOT NULL,
    state             VARCHAR(16)    NOT NULL,
    body_json         VARCHAR(32000) NOT NULL,
    liveness_interval INTEGER,
    last_heartbeat    BIGINT         NOT NULL,
    version           INTEGER        NOT NULL
);
CREATE INDEX mep_service_app ON mep_service (app_instance_id);

-- Notifications waiting for delivery (transactional outbox); a row leaves when its callback answered 2xx
-- or its subscription was deleted.
CREATE TABLE mep_notification_outbox (
    id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    subscription_id VARCHAR(64)    NOT NULL,
    callback_uri    VARCHAR(2048)  NOT NULL,
    payload         VARCHAR(32000) NOT NULL,
    attempts        INTEGER        NOT NULL,
    next_attempt_at BIGINT         NOT NULL,
    created_at      BIGINT         NOT NULL,
    last_error      VARCHAR(1024)
);
CREATE INDEX mep_outbox_due ON mep_notification_outbox (next_attempt_at);

-- Platform secrets generated at first start (the key that signs access tokens), so that tokens stay valid
-- across a restart.
CREATE TABLE mep_platform_secret (
    name         VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret_value VARCHAR(256) NOT NULL
);
