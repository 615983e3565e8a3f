-- Practitioner-centred by default: working hours and days, requests and drops that wait for
-- the digest, honest reply times, away mode with cover, session prep, messages and topics from
-- clients, notices that wait for the digest. New practitioners get the boundaries; existing
-- ones keep what they chose (every day, their quiet hours, alerts at once).

ALTER TABLE practitioners ADD COLUMN work_days TEXT NOT NULL DEFAULT '0,1,2,3,4';
-- 'digest': requests (and other non-safety news) wait for the digest; 'now': an alert in
-- working hours. Safety alerts are always immediate.
ALTER TABLE practitioners ADD COLUMN request_alerts TEXT NOT NULL DEFAULT 'digest'
    CHECK (request_alerts IN ('digest', 'now'));
ALTER TABLE practitioners ADD COLUMN reply_days INTEGER NOT NULL DEFAULT 2;
ALTER TABLE practitioners ADD COLUMN away_until INTEGER;
ALTER TABLE practitioners ADD COLUMN cover_id INTEGER REFERENCES practitioners(person_id);
ALTER TABLE practitioners ADD COLUMN prep_minutes INTEGER NOT NULL DEFAULT 60;
UPDATE practitioners SET work_days = '0,1,2,3,4,5,6', request_alerts = 'now';

-- a short message for the practitioner, or a topic for the next session, in the client's words
CREATE TABLE client_messages (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(person_id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('message', 'topic')),
    text        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    done_at     INTEGER            -- cleared by the practitioner
);
CREATE INDEX client_messages_open ON client_messages (client_id, done_at);

-- things the practitioner hears in the digest instead of at once (a client left, moved)
CREATE TABLE practitioner_notices (
    id               INTEGER PRIMARY KEY,
    practitioner_id  INTEGER NOT NULL REFERENCES practitioners(person_id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL,
    name             TEXT,    -- who it is about, for a client who has left (their row is gone)
    created_at       INTEGER NOT NULL
);
CREATE INDEX practitioner_notices_by_time ON practitioner_notices (practitioner_id, created_at);

-- the next session with a client, and the prep the practitioner gets before it
CREATE TABLE sessions (
    client_id   INTEGER PRIMARY KEY REFERENCES clients(person_id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    prep_at     INTEGER NOT NULL,
    prep_sent   INTEGER NOT NULL DEFAULT 0,
    last_at     INTEGER            -- the session before, where "since last session" starts
);
CREATE INDEX sessions_prep_due ON sessions (prep_sent, prep_at);

-- when a pause ended: silence is counted from there, never across a pause
ALTER TABLE clients ADD COLUMN resumed_at INTEGER;
