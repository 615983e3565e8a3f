-- PostgreSQL dialect of ../0012_outbox_leases.sql.
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;
