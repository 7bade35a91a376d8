-- Resolution 835's dataset passport (issue 16) asks for the date AND time of the first publication and
-- of the last change: both become timestamptz. The stored dates become midnight in each community's
-- own time zone, which only the portal knows (PortalSettings, per community): OpendataDatabase converts
-- them right after this migration, community by community, and empties the date columns; a date left
-- in them is one not converted yet (its community was not served at that start, or SQL of the old
-- shape wrote it): the registry reads it as that midnight and empties it at the row's next write. The
-- data's actuality date stays a date.
ALTER TABLE opendata.dataset ADD COLUMN first_published_at timestamptz, ADD COLUMN last_modified_at timestamptz;
COMMENT ON COLUMN opendata.dataset.first_published IS 'before V9; converted into first_published_at at start';
COMMENT ON COLUMN opendata.dataset.last_modified IS 'before V9; converted into last_modified_at at start';
