-- The pre-V9 date columns of the passport go (issue 16): first publication and last change are
-- first_published_at and last_modified_at (V9) and nothing writes the dates any more. A date V9's
-- conversion has not reached yet (its community not served since, or a start that jumped from
-- before V9 to here) is kept aside, not lost: midnight of it needs the community's time zone, which
-- only the portal knows (PortalSettings), so OpendataDatabase converts and removes these rows at
-- start, community by community, as it did the columns.
CREATE TABLE opendata.passport_date_before_v9 (
    community       text NOT NULL DEFAULT 'default',
    dataset_id      bigint NOT NULL,
    first_published date,
    last_modified   date,
    PRIMARY KEY (community, dataset_id),
    FOREIGN KEY (community, dataset_id) REFERENCES opendata.dataset (community, id) ON DELETE CASCADE
);
INSERT INTO opendata.passport_date_before_v9 (dataset_id, community, first_published, last_modified)
    SELECT id, community, first_published, last_modified FROM opendata.dataset
    WHERE first_published IS NOT NULL OR last_modified IS NOT NULL;
ALTER TABLE opendata.dataset DROP COLUMN first_published, DROP COLUMN last_modified;
