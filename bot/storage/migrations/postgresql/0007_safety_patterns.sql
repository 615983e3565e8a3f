-- PostgreSQL dialect of ../0007_safety_patterns.sql (INTEGER -> BIGINT, id columns are identities).
-- Crisis-language rules beyond keywords (docs/safety.md, "Recognition"): per-locale regular
-- expressions ('pattern') and everyday idioms that are not crisis language ('exclusion', the
-- catalogue's `not_crisis` list), in the order the admin wrote them. Imported and replaced as a
-- whole together with safety_keywords; while nothing is stored in either table the built-in
-- defaults (bot/safety_defaults.py) are used.

CREATE TABLE safety_patterns (
    locale    TEXT    NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('pattern', 'exclusion')),
    position  BIGINT NOT NULL,
    pattern   TEXT    NOT NULL,
    PRIMARY KEY (locale, kind, position)
);
