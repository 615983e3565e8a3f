-- Practitioners' digests, quiet hours and alerts; client requests; safety events.

ALTER TABLE practitioners ADD COLUMN digest_frequency TEXT NOT NULL DEFAULT 'daily'
    CHECK (digest_frequency IN ('daily', 'weekly', 'off'));
ALTER TABLE practitioners ADD COLUMN digest_weekday INTEGER NOT NULL DEFAULT 0;  -- Monday = 0
ALTER TABLE practitioners ADD COLUMN digest_time TEXT NOT NULL DEFAULT '08:30';
ALTER TABLE practitioners ADD COLUMN quiet_start TEXT;         -- e.g. '19:00'; NULL: no quiet hours
ALTER TABLE practitioners ADD COLUMN quiet_end TEXT;           -- e.g. '08:00'
ALTER TABLE practitioners ADD COLUMN alert_on_drop INTEGER NOT NULL DEFAULT 0;
ALTER TABLE practitioners ADD COLUMN send_empty_digest INTEGER NOT NULL DEFAULT 1;
ALTER TABLE practitioners ADD COLUMN next_digest_at INTEGER;
ALTER TABLE practitioners ADD COLUMN last_digest_at INTEGER;
CREATE INDEX practitioners_due ON practitioners (next_digest_at);

-- the name a practitioner uses for a client (cleared when the client is reassigned)
ALTER TABLE clients ADD COLUMN alias TEXT;

CREATE TABLE requests (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES clients(person_id) ON DELETE CASCADE,
    resource_id      TEXT REFERENCES resources(id),   -- NULL: "something else"
    resource_title   TEXT,                           -- the title when asked, kept if hidden later
    note             TEXT,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled', 'withdrawn')),
    created_at       INTEGER NOT NULL,
    handled_at       INTEGER,
    handled_by       INTEGER REFERENCES people(id),
    handled_message  TEXT,
    withdrawn_at     INTEGER
);
CREATE INDEX requests_by_client ON requests (client_id, status);

-- a client's free text matched the safety keywords (the text itself stays where it was typed)
CREATE TABLE safety_events (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(person_id) ON DELETE CASCADE,
    source      TEXT    NOT NULL,     -- 'goal', 'note', 'request' or 'message'
    created_at  INTEGER NOT NULL
);
CREATE INDEX safety_events_by_client ON safety_events (client_id, created_at);
