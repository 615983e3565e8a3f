-- PostgreSQL dialect of ../0015_updates_in_progress.sql.
CREATE TABLE updates_in_progress (
    update_id   BIGINT PRIMARY KEY,
    person      BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    started_at  BIGINT
);
CREATE INDEX updates_in_progress_by_person ON updates_in_progress (person, update_id);
