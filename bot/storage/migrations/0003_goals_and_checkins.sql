-- The client journey: goals in the client's own words, check-ins, ratings, reminders.

ALTER TABLE clients ADD COLUMN ask_wellbeing INTEGER NOT NULL DEFAULT 1;
ALTER TABLE clients ADD COLUMN share_notes_default INTEGER NOT NULL DEFAULT 0;
-- reminder days as weekday numbers, Monday = 0, e.g. '0,2,4'; '' means "only when I choose"
ALTER TABLE clients ADD COLUMN reminder_days TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN reminder_time TEXT NOT NULL DEFAULT '18:00';
ALTER TABLE clients ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clients ADD COLUMN paused_until INTEGER;          -- NULL with paused = 1: until resumed
ALTER TABLE clients ADD COLUMN next_prompt_at INTEGER;        -- next reminder, UTC; NULL: none
ALTER TABLE clients ADD COLUMN open_reminder_at INTEGER;      -- an unanswered reminder stands
CREATE INDEX clients_due ON clients (next_prompt_at);

CREATE TABLE goals (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients(person_id) ON DELETE CASCADE,
    text         TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'active'
                 CHECK (status IN ('active', 'achieved', 'archived')),
    importance   INTEGER CHECK (importance BETWEEN 0 AND 10),
    confidence   INTEGER CHECK (confidence BETWEEN 0 AND 10),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    achieved_at  INTEGER,
    archived_at  INTEGER
);
CREATE INDEX goals_by_client ON goals (client_id, status);

CREATE TABLE checkins (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients(person_id) ON DELETE CASCADE,
    source        TEXT    NOT NULL DEFAULT 'command',   -- 'command' or 'reminder'
    step          TEXT    NOT NULL,                     -- what the bot asks next
    goal_ids      TEXT    NOT NULL,                     -- JSON list: the goals asked, in order
    wellbeing     INTEGER CHECK (wellbeing BETWEEN 0 AND 10),
    note          TEXT,
    note_shared   INTEGER NOT NULL DEFAULT 0,
    started_at    INTEGER NOT NULL,
    completed_at  INTEGER
);
CREATE INDEX checkins_by_client ON checkins (client_id, started_at);

CREATE TABLE ratings (
    checkin_id  INTEGER NOT NULL REFERENCES checkins(id) ON DELETE CASCADE,
    goal_id     INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    value       INTEGER CHECK (value BETWEEN 0 AND 10),   -- NULL: skipped
    rated_at    INTEGER NOT NULL,
    PRIMARY KEY (checkin_id, goal_id)
);
CREATE INDEX ratings_by_goal ON ratings (goal_id, rated_at);
