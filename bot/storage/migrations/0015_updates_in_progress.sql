-- Several processes sharing one PostgreSQL database may each receive one person's updates
-- (Telegram sends webhook updates over several connections, the proxy spreads them). Each
-- process notes the updates it has received and not finished, by id and whose they are (no
-- content), so one person's updates are applied one at a time, the lowest id first. SQLite has
-- one process per file and keeps the order in memory; the table exists there too, unused, so
-- both backends have the same schema.
CREATE TABLE updates_in_progress (
    update_id   INTEGER PRIMARY KEY,
    person      INTEGER NOT NULL,
    received_at INTEGER NOT NULL,  -- renewed while the update waits for its turn
    started_at  INTEGER            -- when its process began applying it
);
CREATE INDEX updates_in_progress_by_person ON updates_in_progress (person, update_id);
