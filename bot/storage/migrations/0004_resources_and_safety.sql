-- The resource catalogue and the safety information, both imported from one YAML file
-- (docs/resources.md). Ids are the stable text ids from that file ('housing', 'night-shelter');
-- they are the primary keys, so a request can refer to a resource by the id the admin wrote.
-- A category or resource left out of a later import is hidden (hidden = 1, removed_at set),
-- never deleted; listing it again in a file brings it back.
-- Texts live in per-table text tables, one row per (item, locale); a NULL field falls back to
-- the default locale when read. Times are integer UTC epoch seconds.

CREATE TABLE categories (
    id          TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,                 -- order in the file, from 0
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    removed_at  INTEGER,
    CHECK ((hidden = 1) = (removed_at IS NOT NULL))
);
CREATE INDEX categories_visible ON categories (hidden, position);

CREATE TABLE category_texts (
    category_id  TEXT NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    locale       TEXT NOT NULL,
    name         TEXT,
    description  TEXT,
    PRIMARY KEY (category_id, locale)
);

CREATE TABLE resources (
    id           TEXT    PRIMARY KEY,
    category_id  TEXT    NOT NULL REFERENCES categories(id),
    position     INTEGER NOT NULL,                -- order within its category, from 0
    url          TEXT,
    phone        TEXT,
    address      TEXT,
    requestable  INTEGER NOT NULL DEFAULT 1 CHECK (requestable IN (0, 1)),
    hidden       INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    removed_at   INTEGER,
    CHECK ((hidden = 1) = (removed_at IS NOT NULL))
);
CREATE INDEX resources_by_category ON resources (category_id, hidden, position);

CREATE TABLE resource_texts (
    resource_id  TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    locale       TEXT NOT NULL,
    title        TEXT,
    description  TEXT,
    hours        TEXT,                            -- opening hours, free text
    PRIMARY KEY (resource_id, locale)
);

-- Tags are defined once in the file with a label per locale; resources list tag ids.
CREATE TABLE tags (
    id        TEXT    PRIMARY KEY,
    position  INTEGER NOT NULL
);

CREATE TABLE tag_texts (
    tag_id  TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    locale  TEXT NOT NULL,
    label   TEXT NOT NULL,
    PRIMARY KEY (tag_id, locale)
);

CREATE TABLE resource_tags (
    resource_id  TEXT    NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    tag_id       TEXT    NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (resource_id, tag_id)
);
CREATE INDEX resource_tags_by_tag ON resource_tags (tag_id);

-- Safety: replaced as a whole by each import.
CREATE TABLE safety_messages (
    locale   TEXT PRIMARY KEY,
    message  TEXT NOT NULL
);

CREATE TABLE crisis_lines (
    id        INTEGER PRIMARY KEY,
    locale    TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    phone     TEXT,
    url       TEXT,
    hours     TEXT,
    UNIQUE (locale, position)
);

CREATE TABLE safety_keywords (
    locale    TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    keyword   TEXT    NOT NULL,
    PRIMARY KEY (locale, position)
);
