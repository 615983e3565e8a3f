-- People and their roles, and single-use invites.
-- Times are integer UTC epoch seconds everywhere.
-- Admins are configured (ADMIN_IDS); practitioners and clients are rows below.

CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    telegram_id   INTEGER NOT NULL UNIQUE,
    chat_id       INTEGER NOT NULL,
    display_name  TEXT    NOT NULL,
    locale        TEXT    NOT NULL,
    timezone      TEXT    NOT NULL,
    -- what the next free-text message from this person answers, as JSON (or NULL)
    pending_input TEXT,
    created_at    INTEGER NOT NULL
);

CREATE TABLE practitioners (
    person_id   INTEGER PRIMARY KEY REFERENCES people(id),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  INTEGER NOT NULL
);

CREATE TABLE clients (
    person_id        INTEGER PRIMARY KEY REFERENCES people(id),
    practitioner_id  INTEGER NOT NULL REFERENCES practitioners(person_id),
    consented_at     INTEGER NOT NULL,
    created_at       INTEGER NOT NULL
);
CREATE INDEX clients_by_practitioner ON clients (practitioner_id);

CREATE TABLE invites (
    id                   INTEGER PRIMARY KEY,
    code_hash            TEXT    NOT NULL UNIQUE,
    role                 TEXT    NOT NULL CHECK (role IN ('practitioner', 'client')),
    created_by           INTEGER NOT NULL,           -- Telegram id of the admin or practitioner
    practitioner_id      INTEGER REFERENCES practitioners(person_id),  -- client invites only
    created_at           INTEGER NOT NULL,
    expires_at           INTEGER NOT NULL,
    -- the Telegram id that opened the link and is looking at the consent screen
    pending_telegram_id  INTEGER,
    used_at              INTEGER,
    used_by              INTEGER REFERENCES people(id)
);
