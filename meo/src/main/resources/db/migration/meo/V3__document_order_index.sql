-- Every listing reads one kind in creation order ("where kind = ? order by created_ms, doc_key"): with the key
-- in the index too, the rows come in index order and need no sort (op occurrences, packages, subscriptions,
-- and the app instances' read model when it loads).
CREATE INDEX meo_document_kind_order ON meo_document (kind, created_ms, doc_key);
DROP INDEX meo_document_kind;
