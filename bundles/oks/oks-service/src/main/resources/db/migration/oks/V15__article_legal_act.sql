-- A legal article may name the act of document search it is (issue 16): the act's id as that
-- module gives it (portal-api LegalActLookup), no foreign key since the act lives in another
-- module's schema; the act's page asks which articles cite it.
SET search_path = oks, public;

ALTER TABLE legal_article ADD COLUMN act_id bigint;
