-- PostgreSQL dialect of ../0011_outbox_purge.sql.
-- Forgetting sent messages after 30 days runs every tick: this index finds the old ones
-- without reading the whole outbox's history (one range per status).

CREATE INDEX outbox_done ON outbox (status, created_at);
