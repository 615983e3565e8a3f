-- Outgoing messages, written in the same transaction as the event that causes them.

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    chat_id          INTEGER NOT NULL,
    kind             TEXT    NOT NULL,            -- e.g. 'notice', 'alert', 'digest', 'reminder'
    payload          TEXT    NOT NULL,            -- JSON: text, reply_markup, ...
    dedupe_key       TEXT    UNIQUE,              -- one message per key, ever
    status           TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    not_before       INTEGER NOT NULL,            -- not sent before this instant (quiet hours)
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    sent_at          INTEGER,
    message_id       INTEGER
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- Chats that blocked the bot: not retried, shown to admins.
CREATE TABLE unreachable_chats (
    chat_id     INTEGER PRIMARY KEY,
    reason      TEXT    NOT NULL,
    since       INTEGER NOT NULL
);
