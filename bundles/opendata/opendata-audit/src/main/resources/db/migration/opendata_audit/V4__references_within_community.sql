-- Regional hosting (issue 18): PostgreSQL checks a foreign key without row-level security, so a key
-- on the id alone let one community's results, findings or request links point at another
-- community's run, finding or request (and that community's delete cascade into them). Every
-- reference now carries the community: a row can only point at a row of its own community.
ALTER TABLE opendata_audit.run ADD CONSTRAINT run_community_id_key UNIQUE (community, id);
ALTER TABLE opendata_audit.finding ADD CONSTRAINT finding_community_id_key UNIQUE (community, id);
ALTER TABLE opendata_audit.official_request ADD CONSTRAINT official_request_community_id_key UNIQUE (community, id);

ALTER TABLE opendata_audit.dataset_result DROP CONSTRAINT dataset_result_run_id_fkey,
    ADD CONSTRAINT dataset_result_run_id_fkey FOREIGN KEY (community, run_id)
        REFERENCES opendata_audit.run (community, id) ON DELETE CASCADE;
ALTER TABLE opendata_audit.manager_result DROP CONSTRAINT manager_result_run_id_fkey,
    ADD CONSTRAINT manager_result_run_id_fkey FOREIGN KEY (community, run_id)
        REFERENCES opendata_audit.run (community, id) ON DELETE CASCADE;
ALTER TABLE opendata_audit.finding DROP CONSTRAINT finding_run_id_fkey,
    ADD CONSTRAINT finding_run_id_fkey FOREIGN KEY (community, run_id)
        REFERENCES opendata_audit.run (community, id) ON DELETE CASCADE;
ALTER TABLE opendata_audit.run_obligation DROP CONSTRAINT run_obligation_run_id_fkey,
    ADD CONSTRAINT run_obligation_run_id_fkey FOREIGN KEY (community, run_id)
        REFERENCES opendata_audit.run (community, id) ON DELETE CASCADE;
ALTER TABLE opendata_audit.run_manager_obligation DROP CONSTRAINT run_manager_obligation_run_id_fkey,
    ADD CONSTRAINT run_manager_obligation_run_id_fkey FOREIGN KEY (community, run_id)
        REFERENCES opendata_audit.run (community, id) ON DELETE CASCADE;

ALTER TABLE opendata_audit.official_request_finding DROP CONSTRAINT official_request_finding_request_id_fkey,
    ADD CONSTRAINT official_request_finding_request_id_fkey FOREIGN KEY (community, request_id)
        REFERENCES opendata_audit.official_request (community, id) ON DELETE CASCADE;
ALTER TABLE opendata_audit.official_request_finding DROP CONSTRAINT official_request_finding_finding_id_fkey,
    ADD CONSTRAINT official_request_finding_finding_id_fkey FOREIGN KEY (community, finding_id)
        REFERENCES opendata_audit.finding (community, id) ON DELETE CASCADE;
