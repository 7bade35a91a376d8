-- The last journal row's action and time, copied onto the violation in the same transaction
-- as the row is written: the analytics and the map group 100 000 violations without joining
-- 1 000 000 journal rows. The journal stays the source (the tests check the copy against it).
SET search_path = oks, public;
ALTER TABLE violation ADD COLUMN status_kind varchar(30) REFERENCES workflow_action (kind);
ALTER TABLE violation ADD COLUMN status_at timestamptz;
UPDATE violation v SET status_kind = j.action_kind, status_at = j.at FROM journal j WHERE j.id = v.last_entry_id;
CREATE INDEX violation_status ON violation (status_kind, status_at);
