-- PostgreSQL dialect of ../0016_outbox_indexes.sql.
DROP INDEX outbox_due;
DROP INDEX outbox_by_priority;
DROP INDEX outbox_done;
-- due(): WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY priority, next_attempt_at, id
CREATE INDEX outbox_pending ON outbox (priority, next_attempt_at, id) WHERE status = 'pending';
-- due_count(), a person's waiting messages, a group's move: status IN ('pending', 'sending')
CREATE INDEX outbox_unsent ON outbox (chat_id, next_attempt_at)
    WHERE status IN ('pending', 'sending');
-- purge(): status IN ('sent', 'dead') AND created_at < ?
CREATE INDEX outbox_finished ON outbox (created_at) WHERE status IN ('sent', 'dead');
-- recover(): rows left status = 'sending' (a process died mid-send; a handful at most)
CREATE INDEX outbox_sending ON outbox (lease_until) WHERE status = 'sending';
