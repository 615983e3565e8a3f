-- The practitioner's own weekly check-in (optional, off by default): how full their tank is and
-- one thing they will do for themselves. Theirs alone: never counted in /stats, never shown to
-- anyone else, erased with their person row or when they choose.

ALTER TABLE practitioners ADD COLUMN own_checkin_at INTEGER;  -- the next one (NULL: off)
CREATE INDEX practitioners_own_checkin_due ON practitioners (own_checkin_at);

CREATE TABLE own_checkins (
    id               INTEGER PRIMARY KEY,
    practitioner_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    asked_at         INTEGER NOT NULL,
    tank             INTEGER CHECK (tank BETWEEN 0 AND 10),
    one_thing        TEXT,
    answered_at      INTEGER
);
CREATE INDEX own_checkins_by_person ON own_checkins (practitioner_id, asked_at);
