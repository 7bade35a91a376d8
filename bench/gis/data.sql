-- bench/gis (issue 12): 100 000 points and 10 000 small polygons over Poltava (34.45–34.65 E,
-- 49.52–49.65 N) as two PUBLIC layers of the default community, written straight into the GIS
-- module's tables, and one view per layer for QGIS Server over the very same rows.
-- Run as postgres (superuser: row-level security does not hide the rows written here; the portal
-- itself reads them as hromada_app with hromada.community = 'default'):
--   psql -h 127.0.0.1 -U postgres -d DB -v ON_ERROR_STOP=1 -f bench/gis/data.sql
-- The same generator and seed as shared/bench/qgis-server/sample-data.sql.
SET search_path = gis, public;

INSERT INTO layer (community, key, title, geometry_type, attributes, visibility)
VALUES
  ('default', 'points', 'Bench: 100 000 points', 'POINT',
   '[{"name":"name","label":"Назва","type":"TEXT","required":false,"unique":false},
     {"name":"kind","label":"Вид","type":"CHOICE","required":false,"unique":false,"choices":["shop","school","stop","cafe","bank"]}]',
   'PUBLIC'),
  ('default', 'polygons', 'Bench: 10 000 polygons', 'POLYGON',
   '[{"name":"name","label":"Назва","type":"TEXT","required":false,"unique":false},
     {"name":"kind","label":"Вид","type":"CHOICE","required":false,"unique":false,"choices":["house","park","lot"]}]',
   'PUBLIC');

SELECT setseed(0.42);
INSERT INTO feature (community, layer_id, geom, attributes, created_by, created_at, updated_by, updated_at)
SELECT 'default', (SELECT id FROM layer WHERE community = 'default' AND key = 'points'),
       ST_SetSRID(ST_MakePoint(34.45 + random() * 0.20, 49.52 + random() * 0.13), 4326),
       jsonb_build_object('name', 'pt ' || g, 'kind', (ARRAY['shop','school','stop','cafe','bank'])[1 + (g % 5)]),
       'bench', now(), 'bench', now()
FROM generate_series(1, 100000) g;

INSERT INTO feature (community, layer_id, geom, attributes, created_by, created_at, updated_by, updated_at)
SELECT 'default', (SELECT id FROM layer WHERE community = 'default' AND key = 'polygons'),
       ST_MakeEnvelope(x, y, x + 0.0005, y + 0.0003, 4326),
       jsonb_build_object('name', 'poly ' || g, 'kind', (ARRAY['house','park','lot'])[1 + (g % 3)]),
       'bench', now(), 'bench', now()
FROM (SELECT g, 34.45 + random() * 0.1995 AS x, 49.52 + random() * 0.1297 AS y
      FROM generate_series(1, 10000) g) s;

ANALYZE layer;
ANALYZE feature;

-- QGIS Server reads plain tables or views; the portal keeps every layer's objects in gis.feature,
-- so each layer is a view with the same attributes as columns. The layer's id is written into the
-- view as a constant, as the portal binds it: the GIST index feature_geom on gis.feature then
-- serves QGIS's && box test through the view.
CREATE SCHEMA bench;
DO $$
DECLARE k text;
BEGIN
  FOREACH k IN ARRAY ARRAY['points', 'polygons'] LOOP
    EXECUTE format('CREATE VIEW bench.%I AS SELECT f.id, f.attributes ->> %L AS name, f.attributes ->> %L AS kind,'
      ' f.geom FROM gis.feature f WHERE f.community = %L AND f.layer_id = %s', k, 'name', 'kind', 'default',
      (SELECT id FROM gis.layer WHERE community = 'default' AND key = k));
  END LOOP;
END $$;

SELECT l.key || ' ' || count(*) FROM feature f JOIN layer l ON l.id = f.layer_id
WHERE l.key IN ('points', 'polygons') GROUP BY l.key ORDER BY l.key;

-- for one reference check only (run.mjs, "QGIS on plain tables"): the same rows copied into plain
-- tables with their own GIST index, the layout of shared/bench/qgis-server/sample-data.sql, to see
-- whether reading through the views above costs QGIS anything
CREATE TABLE bench.points_table AS SELECT * FROM bench.points;
CREATE TABLE bench.polygons_table AS SELECT * FROM bench.polygons;
ALTER TABLE bench.points_table ADD PRIMARY KEY (id);
ALTER TABLE bench.polygons_table ADD PRIMARY KEY (id);
CREATE INDEX points_table_geom ON bench.points_table USING gist (geom);
CREATE INDEX polygons_table_geom ON bench.polygons_table USING gist (geom);
ANALYZE bench.points_table;
ANALYZE bench.polygons_table;
