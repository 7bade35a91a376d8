-- Document search: the registry of the council's acts. The Lucene index is derived from these tables.

CREATE TABLE act_kind (
    code        varchar(64)  PRIMARY KEY,
    name        varchar(200) NOT NULL,
    sort_order  integer      NOT NULL
);

INSERT INTO act_kind (code, name, sort_order) VALUES
    ('council-decision',   'Рішення сесії міської ради',        10),
    ('executive-decision', 'Рішення виконавчого комітету',      20),
    ('mayor-order',        'Розпорядження міського голови',     30),
    ('regulation',         'Положення',                         40),
    ('programme',          'Програма',                          50),
    ('report',             'Звіт',                              60),
    ('other',              'Інший документ',                    90);

CREATE TABLE act (
    id                 bigserial     PRIMARY KEY,
    kind_code          varchar(64)   NOT NULL REFERENCES act_kind (code),
    number             varchar(100)  NOT NULL,
    normalized_number  varchar(100)  NOT NULL,
    act_date           date          NOT NULL,
    title              varchar(1000) NOT NULL,
    issuing_body       varchar(300),
    convocation        integer       CHECK (convocation > 0),
    session            integer       CHECK (session > 0),
    status             varchar(20)   NOT NULL CHECK (status IN ('IN_FORCE', 'AMENDED', 'SUSPENDED', 'LOST_FORCE')),
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL
);

-- exact lookup by number, alone or with the date ("790 від 26.04.2024")
CREATE INDEX act_normalized_number_idx ON act (normalized_number, act_date);
CREATE INDEX act_date_idx ON act (act_date);
CREATE INDEX act_issuing_body_idx ON act (issuing_body);

CREATE TABLE act_tag (
    act_id  bigint       NOT NULL REFERENCES act (id) ON DELETE CASCADE,
    tag     varchar(100) NOT NULL,
    PRIMARY KEY (act_id, tag)
);

-- outgoing links only: source amends / cancels target; "amended by" is the reverse direction
CREATE TABLE act_link (
    source_id  bigint      NOT NULL REFERENCES act (id) ON DELETE CASCADE,
    target_id  bigint      NOT NULL REFERENCES act (id) ON DELETE CASCADE,
    link_type  varchar(16) NOT NULL CHECK (link_type IN ('AMENDS', 'CANCELS')),
    PRIMARY KEY (source_id, target_id, link_type),
    CHECK (source_id <> target_id)
);
CREATE INDEX act_link_target_idx ON act_link (target_id);

CREATE TABLE act_file (
    id                 bigserial    PRIMARY KEY,
    act_id             bigint       NOT NULL REFERENCES act (id) ON DELETE CASCADE,
    file_name          varchar(255) NOT NULL,
    media_type         varchar(100) NOT NULL,
    size_bytes         bigint       NOT NULL,
    sha256             char(64)     NOT NULL,
    content            bytea        NOT NULL,
    extracted_text     text,
    extraction_status  varchar(10)  NOT NULL CHECK (extraction_status IN ('OK', 'EMPTY', 'FAILED')),
    extraction_error   varchar(2000),
    created_at         timestamptz  NOT NULL
);
CREATE INDEX act_file_act_idx ON act_file (act_id);
