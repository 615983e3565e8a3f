-- Safety that holds: events keep the client's words (erased with them), the step they
-- interrupted, the client's answers, escalation and acknowledgement; alerts are rendered at
-- send time from the event, so a delayed alert says what happened since. A safety plan in the
-- client's own words. Outbox rows know whom they are about (erasure) and their priority.

ALTER TABLE safety_events ADD COLUMN text TEXT;            -- what the client wrote (private)
ALTER TABLE safety_events ADD COLUMN rule TEXT;            -- the rule that matched (audit)
ALTER TABLE safety_events ADD COLUMN resume TEXT;          -- JSON: the step it interrupted
ALTER TABLE safety_events ADD COLUMN last_text_at INTEGER; -- the latest crisis text joined
ALTER TABLE safety_events ADD COLUMN urgent_at INTEGER;    -- the client asked for help now
ALTER TABLE safety_events ADD COLUMN acknowledged_at INTEGER;
ALTER TABLE safety_events ADD COLUMN acknowledged_by INTEGER;      -- Telegram id of the person
ALTER TABLE safety_events ADD COLUMN acknowledged_name TEXT;       -- their name, as shown
ALTER TABLE safety_events ADD COLUMN acknowledged_role TEXT;       -- 'practitioner', 'on_call'
ALTER TABLE safety_events ADD COLUMN resent_at INTEGER;    -- the one reminder after no answer
ALTER TABLE safety_events ADD COLUMN closed_at INTEGER;    -- the client said they are safe

-- what the client answered after the crisis message, in order
CREATE TABLE safety_answers (
    event_id    INTEGER NOT NULL REFERENCES safety_events(id) ON DELETE CASCADE,
    answer      TEXT    NOT NULL CHECK (answer IN ('safe', 'sure', 'unsure', 'help', 'wrote')),
    at          INTEGER NOT NULL
);
CREATE INDEX safety_answers_by_event ON safety_answers (event_id, at);

-- who revealed a client's words from an alert, and when (no content)
CREATE TABLE safety_views (
    event_id     INTEGER NOT NULL REFERENCES safety_events(id) ON DELETE CASCADE,
    viewer_id    INTEGER NOT NULL,     -- Telegram id
    viewer_name  TEXT    NOT NULL,
    at           INTEGER NOT NULL
);

-- alerts still waiting for a person: the tick re-sends once after the acknowledgement window
CREATE INDEX safety_events_unacknowledged ON safety_events (acknowledged_at, resent_at);

CREATE TABLE safety_plans (
    client_id   INTEGER PRIMARY KEY REFERENCES clients(person_id) ON DELETE CASCADE,
    shared      INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    updated_at  INTEGER NOT NULL
);

CREATE TABLE safety_plan_sections (
    client_id   INTEGER NOT NULL REFERENCES safety_plans(client_id) ON DELETE CASCADE,
    section     TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (client_id, section)
);

-- the consent text a client agreed to; a newer one is summarised once at their next contact
ALTER TABLE clients ADD COLUMN consent_version INTEGER NOT NULL DEFAULT 1;

ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 5;  -- 0 first: safety
ALTER TABLE outbox ADD COLUMN about_person INTEGER;                  -- erased with that person
CREATE INDEX outbox_about ON outbox (about_person);
CREATE INDEX outbox_by_priority ON outbox (status, priority, next_attempt_at);
-- the row was sent again after an outcome that may have been a success (visible marker)
ALTER TABLE outbox ADD COLUMN resent INTEGER NOT NULL DEFAULT 0;

-- updates already applied: a redelivery after a crash is skipped (kept for two days)
CREATE TABLE processed_updates (
    update_id   INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL
);
CREATE INDEX processed_updates_by_time ON processed_updates (at);
-- a message rendered at send time may need several parts; a retry continues after these
ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;

-- who viewed a client's data or changed something, and when: ids and an action name only
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor_id    INTEGER,           -- a person id (NULL: the on-call chat, the command line)
    role        TEXT    NOT NULL,  -- 'practitioner', 'admin', 'on_call', 'cli'
    action      TEXT    NOT NULL,
    subject_id  INTEGER            -- the client (or practitioner) concerned, if any
);
CREATE INDEX audit_by_time ON audit (at);
CREATE INDEX audit_by_subject ON audit (subject_id, at);

-- groups upgraded to supergroups (e.g. the on-call chat): the bot follows the new id
CREATE TABLE chat_migrations (
    old_chat_id  INTEGER PRIMARY KEY,
    new_chat_id  INTEGER NOT NULL,
    at           INTEGER NOT NULL
);
