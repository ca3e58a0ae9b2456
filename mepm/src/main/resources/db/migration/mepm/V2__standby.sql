-- An instance that took over a standby container keeps that container's data directory.
ALTER TABLE mepm_app_instance ADD COLUMN data_dir VARCHAR(1000);
