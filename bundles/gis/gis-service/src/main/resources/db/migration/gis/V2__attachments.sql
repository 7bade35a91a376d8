-- Photos and files of the objects (issue 12), in the database like OKS's photos: backed up and
-- isolated with the rest. No foreign key to the object: a deleted object keeps its attachments,
-- so a restore brings them back.
SET search_path = gis, public;

CREATE TABLE feature_attachment (
    id           bigserial PRIMARY KEY,
    community    text         NOT NULL,
    feature_id   bigint       NOT NULL,
    layer_id     bigint       NOT NULL,
    file_name    varchar(255) NOT NULL,
    content_type varchar(60)  NOT NULL,
    size         bigint       NOT NULL,
    sha256       char(64)     NOT NULL,
    content      bytea        NOT NULL,
    added_by     varchar(100) NOT NULL,
    added_at     timestamptz  NOT NULL,
    CONSTRAINT feature_attachment_layer_fkey FOREIGN KEY (community, layer_id) REFERENCES layer (community, id)
);
CREATE INDEX feature_attachment_feature ON feature_attachment (community, feature_id, id);
