-- The client's answers after a crisis message are read back in the order given; answers in the
-- same second were ordered by SQLite's rowid, which PostgreSQL has not. An explicit sequence
-- number serves both.
ALTER TABLE safety_answers ADD COLUMN seq INTEGER;
UPDATE safety_answers SET seq = rowid;
