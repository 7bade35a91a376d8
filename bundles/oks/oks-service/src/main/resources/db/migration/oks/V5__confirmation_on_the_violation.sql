-- When the fix was confirmed, copied onto the violation with the confirming journal row (a case is
-- confirmed at most once: only the archive may follow): the period report counts a year's fixes
-- without joining that year's confirmations to every violation. The journal stays the source
-- (the tests check the copy against it).
SET search_path = oks, public;
ALTER TABLE violation ADD COLUMN confirmed_at timestamptz;
UPDATE violation v SET confirmed_at = j.at FROM journal j WHERE j.violation_id = v.id AND j.action_kind = 'CONFIRMED';
CREATE INDEX violation_confirmed_at ON violation (confirmed_at) WHERE confirmed_at IS NOT NULL;
