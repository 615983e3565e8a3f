-- PostgreSQL dialect of ../0014_outbox_leases.sql.
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;
