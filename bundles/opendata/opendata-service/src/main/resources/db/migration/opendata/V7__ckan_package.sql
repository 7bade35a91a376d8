-- Datasets imported from a CKAN portal (issue 16): the package each one came from, so that importing
-- the organisation again updates the dataset instead of adding a second one. A dataset has at most
-- one source package; a package of a portal feeds at most one dataset of a community.
CREATE TABLE opendata.ckan_package (
    community   text NOT NULL DEFAULT 'default',
    dataset_id  bigint NOT NULL,
    -- the portal's address as the import was given it, without a trailing slash
    portal      varchar(500) NOT NULL,
    package_id  varchar(100) NOT NULL,
    package_name varchar(100) NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (community, dataset_id),
    CONSTRAINT ckan_package_source_key UNIQUE (community, portal, package_id),
    CONSTRAINT ckan_package_dataset_fkey FOREIGN KEY (community, dataset_id)
        REFERENCES opendata.dataset (community, id) ON DELETE CASCADE
);
