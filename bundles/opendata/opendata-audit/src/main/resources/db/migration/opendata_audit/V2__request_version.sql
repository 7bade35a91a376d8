-- Optimistic locking of official requests (issue 20, item 33): the answer typed into a stale form
-- must not overwrite another employee's save.
ALTER TABLE opendata_audit.official_request ADD COLUMN version bigint NOT NULL DEFAULT 0;
