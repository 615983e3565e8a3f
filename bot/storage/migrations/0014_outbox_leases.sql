-- Several bot processes may share one PostgreSQL database. A row being sent is leased to the
-- process sending it until lease_until; another process takes a row left `sending` for
-- interrupted only once its lease has expired (its sender died), so a live send is never
-- resolved behind its back. SQLite has one process per file: its start-up still resolves every
-- row left `sending` at once.
ALTER TABLE outbox ADD COLUMN lease_until INTEGER;
