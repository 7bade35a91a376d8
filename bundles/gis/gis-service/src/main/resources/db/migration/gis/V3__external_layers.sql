-- External layers (issue 12): WMS, WMTS and XYZ services of state geoportals and agencies, per
-- community, in the layer tree's groups. Only the registry: a proxied layer is fetched by a later
-- servlet, a linked one by the browser itself.
SET search_path = gis, public;

CREATE TABLE external_layer (
    id              bigserial PRIMARY KEY,
    community       text          NOT NULL,
    key             varchar(60)   NOT NULL,
    kind            varchar(10)   NOT NULL CHECK (kind IN ('WMS', 'WMTS', 'XYZ')),
    title           varchar(300)  NOT NULL,
    url             varchar(2000) NOT NULL,
    layer_names     text[]        NOT NULL DEFAULT '{}',
    format          varchar(100),
    style           varchar(200),
    tile_matrix_set varchar(200),
    attribution     varchar(500),
    opacity         double precision NOT NULL DEFAULT 1 CHECK (opacity >= 0 AND opacity <= 1),
    group_id        bigint,
    visibility      varchar(10)   NOT NULL DEFAULT 'EMPLOYEES' CHECK (visibility IN ('EMPLOYEES', 'PUBLIC')),
    proxied         boolean       NOT NULL DEFAULT false,
    version         bigint        NOT NULL DEFAULT 0,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    CONSTRAINT external_layer_key UNIQUE (community, key),
    CONSTRAINT external_layer_community_id UNIQUE (community, id),
    CONSTRAINT external_layer_group_fkey FOREIGN KEY (community, group_id) REFERENCES layer_group (community, id)
);
CREATE INDEX external_layer_group_id ON external_layer (community, group_id);
