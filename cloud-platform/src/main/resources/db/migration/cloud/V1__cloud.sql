-- The cloud platform: the CISS resource tree (the IN-CSE's durable store), the ISCL's entire view (slicing
-- requests with their step trace and log, slices), the CISS offloaded tasks and their sync subscriptions, and the
-- ISSM's application packages. Bodies read back as a whole are kept as JSON text next to the queried columns.

-- One oneM2M resource of the cloud IN-CSE. seq is the creation order (children in creation order: la/ol, eviction).
CREATE TABLE cse_resource (
    ri     VARCHAR(128)     NOT NULL PRIMARY KEY,
    ty     INTEGER          NOT NULL,
    seq    BIGINT           NOT NULL,
    path   VARCHAR(4000)    NOT NULL,
    attrs  VARCHAR(1000000) NOT NULL
);
CREATE INDEX cse_resource_seq ON cse_resource (seq);

-- A slicing request (steps 03-13): the request as received and its current SlicingRequestInfo.
CREATE TABLE iscl_request (
    id           VARCHAR(64)      NOT NULL PRIMARY KEY,
    request_type VARCHAR(64)      NOT NULL,
    state        VARCHAR(16)      NOT NULL,
    slice_id     VARCHAR(64),
    info_json    VARCHAR(1000000) NOT NULL,
    created_at   BIGINT           NOT NULL
);
CREATE INDEX iscl_request_created ON iscl_request (created_at);

-- An IoT slice: its state and its SliceInfo (without tasks: those are the CISS's).
CREATE TABLE iscl_slice (
    id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    state           VARCHAR(16)    NOT NULL,
    functions       VARCHAR(512)   NOT NULL,
    app_instance_id VARCHAR(128),
    info_json       VARCHAR(64000) NOT NULL,
    created_at      BIGINT         NOT NULL
);

-- A task offloaded by the CISS into a slice.
CREATE TABLE ciss_task (
    id         VARCHAR(64)    NOT NULL PRIMARY KEY,
    slice_id   VARCHAR(64)    NOT NULL,
    path       VARCHAR(4000)  NOT NULL,
    sync_mode  VARCHAR(16)    NOT NULL,
    state      VARCHAR(16)    NOT NULL,
    info_json  VARCHAR(32000) NOT NULL,
    created_at BIGINT         NOT NULL
);
CREATE INDEX ciss_task_slice ON ciss_task (slice_id);

-- The subscriptions the CISS made at a slice for a SUBSCRIPTION-mode task: which cloud container each one feeds.
CREATE TABLE ciss_sync_sub (
    slice_sub_ri VARCHAR(128)  NOT NULL,
    task_id      VARCHAR(64)   NOT NULL,
    cloud_path   VARCHAR(4000) NOT NULL,
    slice_path   VARCHAR(4000) NOT NULL,
    PRIMARY KEY (task_id, slice_sub_ri)
);

-- An application package the ISSM built for a function set, served to the MEO at appPkgPath.
CREATE TABLE issm_package (
    name        VARCHAR(128)   NOT NULL PRIMARY KEY,
    functions   VARCHAR(512)   NOT NULL,
    image       VARCHAR(512)   NOT NULL,
    app_d_id    VARCHAR(256)   NOT NULL,
    app_pkg_id  VARCHAR(256),
    zip_base64  VARCHAR(1000000) NOT NULL,
    sha256      VARCHAR(128)   NOT NULL,
    created_at  BIGINT         NOT NULL
);
