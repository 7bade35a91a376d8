-- Optimistic locking (issue 20, item 33): a form sends back the version it read; an update of a
-- changed row is refused instead of silently overwriting the other employee's save.
ALTER TABLE opendata.dataset ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE opendata.data_manager ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- When the registry first held the dataset: CKAN's metadata_created and DCAT's dct:issued when the
-- first-publication date is empty (before, updated_at stood in and moved with every save).
ALTER TABLE opendata.dataset ADD COLUMN created_at timestamptz;
UPDATE opendata.dataset SET created_at = coalesce(first_published::timestamptz, updated_at);
ALTER TABLE opendata.dataset ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE opendata.dataset ALTER COLUMN created_at SET DEFAULT now();
