-- Regional hosting (issue 18): one set of tables for every community the portal serves. Each row
-- carries its community; the portal then forces row-level security on every table (CommunityTables),
-- so a community sees and writes only its own rows. Rows from before are the default community's
-- (a single-community deployment keeps all it had).
ALTER TABLE opendata.data_manager ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata.obligation ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata.manager_obligation ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata.dataset ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata.structure_field ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata.resource ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE opendata.resource_content ADD COLUMN community text NOT NULL DEFAULT 'default';

-- What must be unique is unique within a community: two communities may each have a dataset
-- "budget-2025", a manager "Фінансове управління", the same ЄДРПОУ (a body serving both) and the
-- same codes of the national list.
DROP INDEX opendata.data_manager_edrpou_key;
CREATE UNIQUE INDEX data_manager_edrpou_key ON opendata.data_manager (community, edrpou) WHERE edrpou IS NOT NULL;
DROP INDEX opendata.data_manager_name_key;
CREATE UNIQUE INDEX data_manager_name_key ON opendata.data_manager (community, lower(name));
ALTER TABLE opendata.obligation DROP CONSTRAINT obligation_code_key;
ALTER TABLE opendata.obligation ADD CONSTRAINT obligation_code_key UNIQUE (community, code);
ALTER TABLE opendata.dataset DROP CONSTRAINT dataset_identifier_key;
ALTER TABLE opendata.dataset ADD CONSTRAINT dataset_identifier_key UNIQUE (community, identifier);

-- The published list and its count read one community's rows: the community leads those indexes
-- (the count per manager stays an index-only scan under the policy).
DROP INDEX opendata.dataset_published_title;
CREATE INDEX dataset_published_title ON opendata.dataset (community, title, id) WHERE published;
DROP INDEX opendata.dataset_published_manager;
CREATE INDEX dataset_published_manager ON opendata.dataset (community, manager_id) WHERE published;
DROP INDEX opendata.dataset_title_order;
CREATE INDEX dataset_title_order ON opendata.dataset (community, title, id);
