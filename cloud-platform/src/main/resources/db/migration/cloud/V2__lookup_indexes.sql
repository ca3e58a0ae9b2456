-- Lookups on the path a device waits for, which scanned their tables and so grew with the history:
-- the active task of a cloud path (every request checks that its tasks are not offloaded elsewhere) and a slice by
-- the app instance id the handler may know it by. Task paths are at most 512 characters (checked on input), so the
-- index entries stay within PostgreSQL's B-tree limit of about 2,700 bytes.
CREATE INDEX ciss_task_path ON ciss_task (path);
CREATE INDEX iscl_slice_app_instance ON iscl_slice (app_instance_id);
