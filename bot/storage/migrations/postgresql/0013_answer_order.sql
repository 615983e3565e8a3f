-- PostgreSQL dialect of ../0013_answer_order.sql (a fresh PostgreSQL database has no old answers).
ALTER TABLE safety_answers ADD COLUMN seq BIGINT;
