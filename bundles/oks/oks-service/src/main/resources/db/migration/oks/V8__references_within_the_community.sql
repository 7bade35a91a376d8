-- Regional hosting (issue 18): PostgreSQL checks a foreign key past row-level security, so V7's
-- keys by id alone let a row of one community point at another community's row (and so learn
-- which of its ids exist, and keep it from deleting that row). Every reference between oks rows
-- now carries the community, as the workflow action's already did: a row refers only to a row of
-- its own community. The services never wrote such a row, so the existing rows all satisfy the keys.
SET search_path = oks, public;

ALTER TABLE violation_type ADD CONSTRAINT violation_type_community_id_key UNIQUE (community, id);
ALTER TABLE executor_org   ADD CONSTRAINT executor_org_community_id_key   UNIQUE (community, id);
ALTER TABLE violation      ADD CONSTRAINT violation_community_id_key      UNIQUE (community, id);
ALTER TABLE journal        ADD CONSTRAINT journal_community_id_key        UNIQUE (community, id);

ALTER TABLE executor_member DROP CONSTRAINT executor_member_org_id_fkey;
ALTER TABLE executor_member ADD CONSTRAINT executor_member_org_id_fkey
    FOREIGN KEY (community, org_id) REFERENCES executor_org (community, id);

ALTER TABLE violation DROP CONSTRAINT violation_type_id_fkey;
ALTER TABLE violation ADD CONSTRAINT violation_type_id_fkey
    FOREIGN KEY (community, type_id) REFERENCES violation_type (community, id);
ALTER TABLE violation DROP CONSTRAINT violation_executor_id_fkey;
ALTER TABLE violation ADD CONSTRAINT violation_executor_id_fkey
    FOREIGN KEY (community, executor_id) REFERENCES executor_org (community, id);
ALTER TABLE violation DROP CONSTRAINT violation_last_entry;
ALTER TABLE violation ADD CONSTRAINT violation_last_entry
    FOREIGN KEY (community, last_entry_id) REFERENCES journal (community, id);

ALTER TABLE journal DROP CONSTRAINT journal_violation_id_fkey;
ALTER TABLE journal ADD CONSTRAINT journal_violation_id_fkey
    FOREIGN KEY (community, violation_id) REFERENCES violation (community, id);
ALTER TABLE journal DROP CONSTRAINT journal_executor_id_fkey;
ALTER TABLE journal ADD CONSTRAINT journal_executor_id_fkey
    FOREIGN KEY (community, executor_id) REFERENCES executor_org (community, id);

ALTER TABLE photo DROP CONSTRAINT photo_journal_id_fkey;
ALTER TABLE photo ADD CONSTRAINT photo_journal_id_fkey
    FOREIGN KEY (community, journal_id) REFERENCES journal (community, id);
ALTER TABLE photo DROP CONSTRAINT photo_violation_id_fkey;
ALTER TABLE photo ADD CONSTRAINT photo_violation_id_fkey
    FOREIGN KEY (community, violation_id) REFERENCES violation (community, id);
