-- Regional hosting (issue 18): PostgreSQL checks a foreign key without row-level security, so a key
-- on the id alone let one community's row point at another community's manager, obligation, dataset
-- or resource (and let that community's delete cascade into it, or its rows block the delete). Every
-- reference now carries the community: a row can only point at a row of its own community.
ALTER TABLE opendata.data_manager ADD CONSTRAINT data_manager_community_id_key UNIQUE (community, id);
ALTER TABLE opendata.obligation ADD CONSTRAINT obligation_community_id_key UNIQUE (community, id);
ALTER TABLE opendata.dataset ADD CONSTRAINT dataset_community_id_key UNIQUE (community, id);
ALTER TABLE opendata.resource ADD CONSTRAINT resource_community_id_key UNIQUE (community, id);

ALTER TABLE opendata.data_manager DROP CONSTRAINT data_manager_parent_id_fkey,
    ADD CONSTRAINT data_manager_parent_id_fkey FOREIGN KEY (community, parent_id)
        REFERENCES opendata.data_manager (community, id);

ALTER TABLE opendata.manager_obligation DROP CONSTRAINT manager_obligation_manager_id_fkey,
    ADD CONSTRAINT manager_obligation_manager_id_fkey FOREIGN KEY (community, manager_id)
        REFERENCES opendata.data_manager (community, id) ON DELETE CASCADE;
ALTER TABLE opendata.manager_obligation DROP CONSTRAINT manager_obligation_obligation_id_fkey,
    ADD CONSTRAINT manager_obligation_obligation_id_fkey FOREIGN KEY (community, obligation_id)
        REFERENCES opendata.obligation (community, id) ON DELETE CASCADE;

ALTER TABLE opendata.dataset DROP CONSTRAINT dataset_manager_id_fkey,
    ADD CONSTRAINT dataset_manager_id_fkey FOREIGN KEY (community, manager_id)
        REFERENCES opendata.data_manager (community, id);
ALTER TABLE opendata.dataset DROP CONSTRAINT dataset_obligation_id_fkey,
    ADD CONSTRAINT dataset_obligation_id_fkey FOREIGN KEY (community, obligation_id)
        REFERENCES opendata.obligation (community, id);

ALTER TABLE opendata.structure_field DROP CONSTRAINT structure_field_dataset_id_fkey,
    ADD CONSTRAINT structure_field_dataset_id_fkey FOREIGN KEY (community, dataset_id)
        REFERENCES opendata.dataset (community, id) ON DELETE CASCADE;

ALTER TABLE opendata.resource DROP CONSTRAINT resource_dataset_id_fkey,
    ADD CONSTRAINT resource_dataset_id_fkey FOREIGN KEY (community, dataset_id)
        REFERENCES opendata.dataset (community, id) ON DELETE CASCADE;

ALTER TABLE opendata.resource_content DROP CONSTRAINT resource_content_resource_id_fkey,
    ADD CONSTRAINT resource_content_resource_id_fkey FOREIGN KEY (community, resource_id)
        REFERENCES opendata.resource (community, id) ON DELETE CASCADE;
