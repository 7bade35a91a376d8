-- The service catalogue (categories, life situations, services) and the link monitor's checks.
-- Every table carries the community of its rows; references between tables include it.
CREATE TABLE category (
    id        bigserial    PRIMARY KEY,
    community text         NOT NULL,
    code      varchar(40)  NOT NULL,
    name      varchar(200) NOT NULL,
    position  integer      NOT NULL DEFAULT 0,
    version   bigint       NOT NULL DEFAULT 0,
    UNIQUE (community, code),
    UNIQUE (community, id)
);

CREATE TABLE life_situation (
    id        bigserial    PRIMARY KEY,
    community text         NOT NULL,
    code      varchar(40)  NOT NULL,
    name      varchar(200) NOT NULL,
    position  integer      NOT NULL DEFAULT 0,
    version   bigint       NOT NULL DEFAULT 0,
    UNIQUE (community, code),
    UNIQUE (community, id)
);

CREATE TABLE service (
    id               bigserial     PRIMARY KEY,
    community        text          NOT NULL,
    code             varchar(40)   NOT NULL,
    name             varchar(300)  NOT NULL,
    description      varchar(1000),
    url              varchar(2000) NOT NULL,
    category_id      bigint,
    audience         varchar(20)   NOT NULL CHECK (audience IN ('RESIDENTS', 'BUSINESS', 'BOTH')),
    provider         varchar(20)   NOT NULL CHECK (provider IN ('COUNCIL', 'STATE')),
    unit_id          bigint,
    status           varchar(20)   NOT NULL CHECK (status IN ('ACTIVE', 'HIDDEN')),
    position         integer       NOT NULL,
    -- the link monitor's state; changed by checks, not by edits (the version stays)
    link_state       varchar(20)   NOT NULL DEFAULT 'UNCHECKED' CHECK (link_state IN ('UNCHECKED', 'OK', 'BROKEN')),
    link_failures    integer       NOT NULL DEFAULT 0,
    link_checked_at  timestamptz,
    link_status_code integer,
    link_error       varchar(500),
    version          bigint        NOT NULL DEFAULT 0,
    UNIQUE (community, code),
    UNIQUE (community, id),
    FOREIGN KEY (community, category_id) REFERENCES category (community, id),
    FOREIGN KEY (community, unit_id) REFERENCES unit (community, id)
);
CREATE INDEX service_position ON service (community, position);

CREATE TABLE service_situation (
    community    text   NOT NULL,
    service_id   bigint NOT NULL,
    situation_id bigint NOT NULL,
    PRIMARY KEY (community, service_id, situation_id),
    FOREIGN KEY (community, service_id) REFERENCES service (community, id) ON DELETE CASCADE,
    FOREIGN KEY (community, situation_id) REFERENCES life_situation (community, id) ON DELETE CASCADE
);
CREATE INDEX service_situation_situation ON service_situation (community, situation_id);

CREATE TABLE link_check (
    id          bigserial     PRIMARY KEY,
    community   text          NOT NULL,
    service_id  bigint        NOT NULL,
    checked_at  timestamptz   NOT NULL,
    status_code integer,
    ok          boolean       NOT NULL,
    error       varchar(500),
    duration_ms bigint        NOT NULL,
    final_url   varchar(2000),
    UNIQUE (community, id),
    FOREIGN KEY (community, service_id) REFERENCES service (community, id) ON DELETE CASCADE
);
CREATE INDEX link_check_service ON link_check (community, service_id, checked_at DESC);
