-- Optimistic locking (portal-api Versioned): every change of an act moves its version on; a form's
-- save names the version it loaded and is refused when the act changed since (issue 20, item 33).
ALTER TABLE act ADD COLUMN version bigint NOT NULL DEFAULT 0;
