-- PostgreSQL dialect of ../0008_reminders.sql (INTEGER -> BIGINT, id columns are identities).
-- The standing reminder: when a reminder falls due while the previous one is unanswered, the
-- new one replaces the latest reminder delivered to that chat. This partial index holds only
-- delivered reminders, so finding it is one index seek however long the outbox's history.
-- (Partial indexes are standard in SQLite and PostgreSQL alike.)

CREATE INDEX outbox_sent_reminders ON outbox (chat_id, id)
    WHERE kind = 'reminder' AND status = 'sent' AND message_id IS NOT NULL;
