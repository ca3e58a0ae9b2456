-- The resource a document belongs to (an op occurrence's app instance), so that the open operations of one
-- instance are found without reading every op occurrence.
ALTER TABLE meo_document ADD COLUMN parent_id VARCHAR(128);
CREATE INDEX meo_document_parent ON meo_document (kind, parent_id);
