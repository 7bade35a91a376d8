-- Regional hosting (issue 18): every OKS row belongs to one community; the portal's
-- CommunityTables.isolate then adds row-level security on the column (docs/regional-hosting.md).
-- The rows already here are the default community's (a single-community deployment's).
-- The catalogue is each community's own: a type code, an organisation name, an action's kind and
-- code are unique within a community, so two communities may both have "trees" or action 1.
-- Ids stay from the one sequence per table, so the foreign keys by id stay as they are.
SET search_path = oks, public;

ALTER TABLE violation_type  ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE executor_org    ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE executor_member ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE workflow_action ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE violation       ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE journal         ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE photo           ADD COLUMN community text NOT NULL DEFAULT 'default';

ALTER TABLE violation_type DROP CONSTRAINT violation_type_code_key;
ALTER TABLE violation_type ADD CONSTRAINT violation_type_code_key UNIQUE (community, code);

ALTER TABLE executor_org DROP CONSTRAINT executor_org_name_key;
ALTER TABLE executor_org ADD CONSTRAINT executor_org_name_key UNIQUE (community, name);

-- an action's kind names the workflow step: each community has one row per kind, and a journal
-- row or a violation's status refers to its own community's row
ALTER TABLE journal DROP CONSTRAINT journal_action_kind_fkey;
ALTER TABLE violation DROP CONSTRAINT violation_status_kind_fkey;
ALTER TABLE workflow_action DROP CONSTRAINT workflow_action_pkey;
ALTER TABLE workflow_action ADD CONSTRAINT workflow_action_pkey PRIMARY KEY (community, kind);
ALTER TABLE workflow_action DROP CONSTRAINT workflow_action_code_key;
ALTER TABLE workflow_action ADD CONSTRAINT workflow_action_code_key UNIQUE (community, code);
ALTER TABLE journal ADD CONSTRAINT journal_action_kind_fkey
    FOREIGN KEY (community, action_kind) REFERENCES workflow_action (community, kind);
ALTER TABLE violation ADD CONSTRAINT violation_status_kind_fkey
    FOREIGN KEY (community, status_kind) REFERENCES workflow_action (community, kind);

-- Every query of the application carries the policy's community = <current> (row-level security),
-- and only leakproof conditions may be index conditions under it: the map's bounding box (PostGIS
-- &&) cannot, so with 60 communities a community's map, list, analytics and period report scanned
-- everyone's rows. The indexes of those queries lead with the community (measured on 60 × 2 000
-- violations: map 194 → 3 ms, analytics 154 → 3 ms, list page 10 → 0.3 ms).
DROP INDEX violation_created;
CREATE INDEX violation_created ON violation (community, created_at);
DROP INDEX violation_status;
CREATE INDEX violation_status ON violation (community, status_kind, status_at);
DROP INDEX violation_confirmed_at;
CREATE INDEX violation_confirmed_at ON violation (community, confirmed_at) WHERE confirmed_at IS NOT NULL;
DROP INDEX journal_at;
CREATE INDEX journal_at ON journal (community, at);
DROP INDEX journal_kind_at;
CREATE INDEX journal_kind_at ON journal (community, action_kind, at) INCLUDE (violation_id);
