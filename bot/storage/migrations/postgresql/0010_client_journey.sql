-- PostgreSQL dialect of ../0010_client_journey.sql (INTEGER -> BIGINT, id columns are identities).
-- The client's own journey, deeper: reminders that don't nag, motivational-interviewing
-- follow-ups in the client's words, where the client is with each goal, and Goal Attainment
-- Scaling levels written by the client (with their practitioner).

-- reminders sent in a row without an answer; after three the bot asks once about the rhythm
ALTER TABLE clients ADD COLUMN unanswered BIGINT NOT NULL DEFAULT 0;
ALTER TABLE clients ADD COLUMN rhythm_asked_at BIGINT;

-- "What makes it a {n} and not a 0?" and "What would help it move to {n+1}?", in their words
ALTER TABLE goals ADD COLUMN why_not_lower TEXT;
ALTER TABLE goals ADD COLUMN what_would_help TEXT;
ALTER TABLE goals ADD COLUMN reflections_shared BIGINT NOT NULL DEFAULT 0;
-- where the client is with the goal, in plain words (NULL: not said)
ALTER TABLE goals ADD COLUMN stage TEXT
    CHECK (stage IN ('thinking', 'ready', 'doing', 'keeping', 'slip'));
-- the practitioner's weight for the goal in the GAS T-score (equal weights by default)
ALTER TABLE goals ADD COLUMN gas_weight BIGINT NOT NULL DEFAULT 1;

CREATE TABLE goal_levels (
    goal_id  BIGINT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    level    BIGINT NOT NULL CHECK (level BETWEEN -2 AND 2),
    text     TEXT    NOT NULL,
    PRIMARY KEY (goal_id, level)
);

-- the GAS level chosen in a check-in (beside or instead of the 0-10 rating)
ALTER TABLE ratings ADD COLUMN level BIGINT CHECK (level BETWEEN -2 AND 2);
-- a slip reported in a check-in (a first-class answer, never a failure)
ALTER TABLE ratings ADD COLUMN slip BIGINT NOT NULL DEFAULT 0;
