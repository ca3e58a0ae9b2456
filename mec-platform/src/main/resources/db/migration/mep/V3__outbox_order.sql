-- Notifications of one subscription are delivered in the order they were queued, one at a time: seq orders them
-- (a failing head blocks the later ones of its subscription only).
ALTER TABLE mep_notification_outbox ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX mep_outbox_subscription_seq ON mep_notification_outbox (subscription_id, seq);
