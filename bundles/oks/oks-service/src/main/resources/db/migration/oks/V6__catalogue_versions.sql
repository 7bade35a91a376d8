-- optimistic locking of the catalogue (portal-api Versioned): two administrators editing the same
-- type, organisation or action; the later save of a stale form is refused instead of overwriting
ALTER TABLE violation_type ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE executor_org ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE workflow_action ADD COLUMN version bigint NOT NULL DEFAULT 0;
