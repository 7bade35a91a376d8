-- GIS (issue 12): the layer registry, every layer's objects in one table, their history.
-- PostGIS lives in schema public. Every row belongs to one community (the portal's
-- CommunityTables.isolate adds row-level security on the column after the migrations), so keys
-- are unique per community, every index the application's queries use leads with it, and every
-- foreign key carries the community on both sides (a row never refers to another community's).
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;
SET search_path = gis, public;

CREATE TABLE layer_group (
    id        bigserial PRIMARY KEY,
    community text        NOT NULL,
    key       varchar(60)  NOT NULL,
    title     varchar(300) NOT NULL,
    position  int          NOT NULL DEFAULT 0,
    version   bigint       NOT NULL DEFAULT 0,
    CONSTRAINT layer_group_key UNIQUE (community, key),
    CONSTRAINT layer_group_community_id UNIQUE (community, id)
);

CREATE TABLE layer (
    id               bigserial PRIMARY KEY,
    community        text         NOT NULL,
    key              varchar(60)  NOT NULL,
    group_id         bigint,
    title            varchar(300) NOT NULL,
    geometry_type    varchar(10)  NOT NULL CHECK (geometry_type IN ('POINT', 'LINE', 'POLYGON', 'ANY')),
    -- the typed schema: [{name, label, type, required, unique, maxLength, choices}]
    attributes       jsonb        NOT NULL DEFAULT '[]',
    style            jsonb        NOT NULL DEFAULT '{}',
    owner_unit       varchar(200),
    visibility       varchar(10)  NOT NULL DEFAULT 'EMPLOYEES' CHECK (visibility IN ('EMPLOYEES', 'PUBLIC')),
    source           varchar(500),
    source_date      date,
    licence          varchar(200),
    update_frequency varchar(200),
    linked_layer_id  bigint,
    version          bigint       NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT layer_key UNIQUE (community, key),
    CONSTRAINT layer_community_id UNIQUE (community, id),
    CONSTRAINT layer_group_fkey FOREIGN KEY (community, group_id) REFERENCES layer_group (community, id),
    CONSTRAINT layer_linked_fkey FOREIGN KEY (community, linked_layer_id) REFERENCES layer (community, id)
);
CREATE INDEX layer_group_id ON layer (community, group_id);

-- one table for all layers; attribute values keyed by the schema's names
CREATE TABLE feature (
    id         bigserial PRIMARY KEY,
    community  text         NOT NULL,
    layer_id   bigint       NOT NULL,
    geom       geometry(Geometry, 4326) NOT NULL,
    attributes jsonb        NOT NULL DEFAULT '{}',
    version    bigint       NOT NULL DEFAULT 0,
    created_by varchar(100) NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_by varchar(100) NOT NULL,
    updated_at timestamptz  NOT NULL,
    -- the bounding box as plain numbers: under row-level security only leakproof conditions may be
    -- index conditions, and PostGIS's && is not (the GIST index below serves the owner's queries,
    -- e.g. a QGIS Server; the application's box queries use feature_box)
    min_x      double precision GENERATED ALWAYS AS (ST_XMin(geom)) STORED,
    min_y      double precision GENERATED ALWAYS AS (ST_YMin(geom)) STORED,
    max_x      double precision GENERATED ALWAYS AS (ST_XMax(geom)) STORED,
    max_y      double precision GENERATED ALWAYS AS (ST_YMax(geom)) STORED,
    CONSTRAINT feature_layer_fkey FOREIGN KEY (community, layer_id) REFERENCES layer (community, id)
);
CREATE INDEX feature_geom ON feature USING gist (geom);
CREATE INDEX feature_layer ON feature (community, layer_id, id);
CREATE INDEX feature_box ON feature (community, layer_id, min_x, max_x, min_y, max_y);

-- every change of an object; a deleted object keeps its history (no foreign key to feature), so
-- it can be restored under its id
CREATE TABLE feature_history (
    id             bigserial PRIMARY KEY,
    community      text         NOT NULL,
    feature_id     bigint       NOT NULL,
    layer_id       bigint       NOT NULL,
    version        bigint       NOT NULL,
    action         varchar(10)  NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE')),
    actor          varchar(100) NOT NULL,
    at             timestamptz  NOT NULL,
    old_attributes jsonb,
    new_attributes jsonb,
    old_geom       geometry(Geometry, 4326),
    new_geom       geometry(Geometry, 4326),
    CONSTRAINT feature_history_layer_fkey FOREIGN KEY (community, layer_id) REFERENCES layer (community, id)
);
CREATE INDEX feature_history_feature ON feature_history (community, feature_id, id);
CREATE INDEX feature_history_layer ON feature_history (community, layer_id, action, at);
