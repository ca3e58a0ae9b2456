-- ETSI GS MEC 011 clause 8.2.5: the transports the platform offers to MEC services.
CREATE TABLE mep_transport (
    id                         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                       VARCHAR(128) NOT NULL,
    description                VARCHAR(512),
    type                       VARCHAR(32)  NOT NULL,
    protocol                   VARCHAR(32)  NOT NULL,
    version                    VARCHAR(16)  NOT NULL,
    oauth2_token_endpoint_path VARCHAR(256)
);

INSERT INTO mep_transport (id, name, description, type, protocol, version, oauth2_token_endpoint_path)
VALUES ('rest-http', 'REST over HTTP', 'HTTP/1.1 REST API of the MEC platform, OAuth 2.0 bearer tokens',
        'REST_HTTP', 'HTTP', '1.1', 'oauth2/token');
