-- Regional hosting (issue 18): audit runs, their results and official requests belong to one
-- community; the portal forces row-level security on every table (CommunityTables). Rows from
-- before are the default community's (a single-community deployment keeps its history).
ALTER TABLE opendata_audit.run ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata_audit.dataset_result ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata_audit.manager_result ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata_audit.finding ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata_audit.run_obligation ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata_audit.run_manager_obligation ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata_audit.official_request ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata_audit.official_request_finding ADD COLUMN community text NOT NULL DEFAULT 'default';

-- A request's outgoing number is unique in its community's correspondence only.
ALTER TABLE opendata_audit.official_request DROP CONSTRAINT official_request_number;
ALTER TABLE opendata_audit.official_request ADD CONSTRAINT official_request_number UNIQUE (community, number);

-- The latest finished run is asked per community.
DROP INDEX opendata_audit.run_finished;
CREATE INDEX run_finished ON opendata_audit.run (community, finished_at DESC) WHERE status = 'FINISHED';
