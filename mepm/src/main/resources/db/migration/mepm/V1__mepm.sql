-- The MEPM's own records for its MEC host (ETSI GS MEC 010-2 Mm3 side). Portable SQL: H2 and PostgreSQL.
-- Times are epoch milliseconds.

CREATE TABLE mepm_app_package (
    app_d_id     VARCHAR(255) PRIMARY KEY,
    appd_json    VARCHAR(1000000) NOT NULL,
    fetched_at   BIGINT NOT NULL
);

CREATE TABLE mepm_app_instance (
    id                   VARCHAR(64) PRIMARY KEY,
    app_d_id             VARCHAR(255) NOT NULL,
    app_pkg_id           VARCHAR(255) NOT NULL,
    app_name             VARCHAR(255) NOT NULL,
    app_provider         VARCHAR(255) NOT NULL,
    app_soft_version     VARCHAR(255) NOT NULL,
    app_d_version        VARCHAR(255) NOT NULL,
    instance_name        VARCHAR(255),
    instance_description VARCHAR(4000),
    instantiation_state  VARCHAR(32) NOT NULL,
    operational_state    VARCHAR(32),
    container_id         VARCHAR(128),
    ports                VARCHAR(1000),
    client_id            VARCHAR(255),
    client_secret        VARCHAR(255),
    last_exit            VARCHAR(255),
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL,
    version              BIGINT NOT NULL
);

CREATE TABLE mepm_op_occ (
    id                  VARCHAR(64) PRIMARY KEY,
    app_instance_id     VARCHAR(64) NOT NULL,
    operation           VARCHAR(32) NOT NULL,
    state               VARCHAR(32) NOT NULL,
    start_time          BIGINT NOT NULL,
    state_entered_time  BIGINT NOT NULL,
    params_json         VARCHAR(100000),
    error_json          VARCHAR(100000),
    grant_id            VARCHAR(255),
    version             BIGINT NOT NULL
);
CREATE INDEX mepm_op_occ_instance ON mepm_op_occ (app_instance_id);

-- host ports handed to app instances; the primary key keeps two instances off one port
CREATE TABLE mepm_port (
    port             INTEGER PRIMARY KEY,
    app_instance_id  VARCHAR(64) NOT NULL,
    name             VARCHAR(64) NOT NULL
);

CREATE TABLE mepm_subscription (
    id                 VARCHAR(64) PRIMARY KEY,
    subscription_type  VARCHAR(64) NOT NULL,
    callback_uri       VARCHAR(2000) NOT NULL,
    request_json       VARCHAR(100000) NOT NULL,
    created_at         BIGINT NOT NULL
);

-- notifications not yet delivered (an outbox: they survive a restart and are retried with backoff)
CREATE TABLE mepm_notification (
    id               VARCHAR(64) PRIMARY KEY,
    subscription_id  VARCHAR(64) NOT NULL,
    callback_uri     VARCHAR(2000) NOT NULL,
    body_json        VARCHAR(100000) NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  BIGINT NOT NULL,
    last_error       VARCHAR(2000),
    created_at       BIGINT NOT NULL,
    seq              BIGINT NOT NULL
);
CREATE INDEX mepm_notification_due ON mepm_notification (next_attempt_at);
