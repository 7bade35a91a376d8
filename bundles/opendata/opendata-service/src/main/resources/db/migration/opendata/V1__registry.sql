-- The open data registry: data managers, datasets with their passports, resources (distributions),
-- the national list of obligatory datasets and which of them each manager must publish.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE opendata.data_manager (
    id                 bigserial PRIMARY KEY,
    name               varchar(500) NOT NULL,
    edrpou             char(8),
    responsible_person varchar(300),
    email              varchar(254),
    phone              varchar(50),
    parent_id          bigint REFERENCES opendata.data_manager (id),
    CONSTRAINT data_manager_edrpou_digits CHECK (edrpou ~ '^[0-9]{8}$'),
    CONSTRAINT data_manager_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX data_manager_edrpou_key ON opendata.data_manager (edrpou) WHERE edrpou IS NOT NULL;
CREATE UNIQUE INDEX data_manager_name_key ON opendata.data_manager (lower(name));

CREATE TABLE opendata.obligation (
    id          bigserial PRIMARY KEY,
    code        varchar(50) NOT NULL UNIQUE,
    title       varchar(1000) NOT NULL,
    description varchar(4000),
    legal_basis varchar(1000)
);

CREATE TABLE opendata.manager_obligation (
    manager_id    bigint NOT NULL REFERENCES opendata.data_manager (id) ON DELETE CASCADE,
    obligation_id bigint NOT NULL REFERENCES opendata.obligation (id) ON DELETE CASCADE,
    PRIMARY KEY (manager_id, obligation_id)
);
CREATE INDEX manager_obligation_obligation ON opendata.manager_obligation (obligation_id);

CREATE TABLE opendata.dataset (
    id                 bigserial PRIMARY KEY,
    identifier         varchar(100) NOT NULL UNIQUE,
    title              varchar(254) NOT NULL,
    description        varchar(4000),
    language           varchar(10) NOT NULL DEFAULT 'uk',
    formats            text[] NOT NULL DEFAULT '{}',
    compression        varchar(50),
    first_published    date,
    last_modified      date,
    actuality_date     date,
    frequency          varchar(30) NOT NULL,
    keywords           text[] NOT NULL DEFAULT '{}',
    links              text[] NOT NULL DEFAULT '{}',
    responsible_person varchar(300),
    responsible_email  varchar(254),
    legal_basis        varchar(4000),
    purpose            varchar(4000),
    manager_id         bigint NOT NULL REFERENCES opendata.data_manager (id),
    tags               text[] NOT NULL DEFAULT '{}',
    obligation_id      bigint REFERENCES opendata.obligation (id),
    published          boolean NOT NULL DEFAULT false,
    provider_module    varchar(50),
    -- false once the module that produced the dataset live has gone (the data stays)
    provider_live      boolean NOT NULL DEFAULT false,
    -- identifier, title, description and keywords in one lower-case text for the trigram index
    search_text        text NOT NULL DEFAULT '',
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dataset_identifier_form CHECK (identifier ~ '^[a-z0-9][a-z0-9_-]{1,99}$')
);
CREATE INDEX dataset_manager ON opendata.dataset (manager_id);
CREATE INDEX dataset_obligation ON opendata.dataset (obligation_id);
CREATE INDEX dataset_title_order ON opendata.dataset (title, id);
CREATE INDEX dataset_published_title ON opendata.dataset (title, id) WHERE published;
CREATE INDEX dataset_search_trgm ON opendata.dataset USING gin (search_text public.gin_trgm_ops);
CREATE INDEX dataset_tags ON opendata.dataset USING gin (tags);
CREATE INDEX dataset_formats ON opendata.dataset USING gin (formats);

-- the declared structure of the dataset's table
CREATE TABLE opendata.structure_field (
    dataset_id bigint NOT NULL REFERENCES opendata.dataset (id) ON DELETE CASCADE,
    position   int NOT NULL,
    name       varchar(100) NOT NULL,
    title      varchar(254),
    type       varchar(50),
    required   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (dataset_id, position),
    UNIQUE (dataset_id, name)
);

CREATE TABLE opendata.resource (
    id              bigserial PRIMARY KEY,
    dataset_id      bigint NOT NULL REFERENCES opendata.dataset (id) ON DELETE CASCADE,
    name            varchar(254) NOT NULL,
    description     varchar(4000),
    format          varchar(20),
    media_type      varchar(100),
    url             varchar(2000),
    file_name       varchar(254),
    size            bigint,
    sha256          char(64),
    -- the folder the bytes are in ('database' = opendata.resource_content)
    storage         varchar(20),
    -- the format of a live dataset's provider this resource is the output of
    provider_format varchar(20),
    modified        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT resource_url_or_file CHECK ((url IS NULL) <> (file_name IS NULL))
);
CREATE INDEX resource_dataset ON opendata.resource (dataset_id, id);
CREATE UNIQUE INDEX resource_provider_format ON opendata.resource (dataset_id, provider_format)
    WHERE provider_format IS NOT NULL;

-- bytes of uploaded files when the storage is the database (kept apart so resource lists stay light)
CREATE TABLE opendata.resource_content (
    resource_id bigint PRIMARY KEY REFERENCES opendata.resource (id) ON DELETE CASCADE,
    content     bytea NOT NULL
);
