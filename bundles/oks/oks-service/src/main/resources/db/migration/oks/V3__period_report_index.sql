-- The period report reads registrations and confirmations of a period: an index-only scan
-- of the journal instead of fetching scattered rows of a million-row table.
SET search_path = oks, public;
DROP INDEX IF EXISTS journal_kind_at;
CREATE INDEX journal_kind_at ON journal (action_kind, at) INCLUDE (violation_id);
