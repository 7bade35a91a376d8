-- The act of document search a dataset's legal basis names (issue 16): the act's id as that module
-- gives it (portal-api LegalActLookup), no foreign key since the act lives in another module's
-- schema; the act's page asks which datasets name it.
ALTER TABLE opendata.dataset ADD COLUMN legal_act_id bigint;
CREATE INDEX dataset_legal_act ON opendata.dataset (community, legal_act_id) WHERE legal_act_id IS NOT NULL;
