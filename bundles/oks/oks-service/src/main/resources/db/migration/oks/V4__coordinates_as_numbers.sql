-- Latitude and longitude as plain numbers beside the PostGIS point: the map's grid aggregation
-- over ~10^5 points groups and averages them without calling PostGIS functions per row.
SET search_path = oks, public;
ALTER TABLE violation ADD COLUMN lat double precision GENERATED ALWAYS AS (ST_Y(location)) STORED;
ALTER TABLE violation ADD COLUMN lon double precision GENERATED ALWAYS AS (ST_X(location)) STORED;
