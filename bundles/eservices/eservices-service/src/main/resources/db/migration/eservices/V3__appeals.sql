-- E-appeals (issue 13): the form's topics and their routing, appeals with their files and journal,
-- the applicant's cabinet (one-time links, sessions) and the intake's anti-spam records. Every table
-- carries the community of its rows; references between the tables include it
-- (docs/regional-hosting.md, "For module authors").

-- A topic of the public form routes its appeals to a unit with a deadline in working days and,
-- optionally, hands them over to another module's case type ('' = none, 'oks' = an OKS violation).
CREATE TABLE topic (
    id            bigserial    PRIMARY KEY,
    community     text         NOT NULL,
    code          varchar(40)  NOT NULL,
    name          varchar(200) NOT NULL,
    description   varchar(1000),
    unit_id       bigint       NOT NULL,
    deadline_days integer      NOT NULL CHECK (deadline_days BETWEEN 1 AND 90),
    handover      varchar(40)  NOT NULL DEFAULT '',
    active        boolean      NOT NULL DEFAULT true,
    position      integer      NOT NULL DEFAULT 100,
    version       bigint       NOT NULL DEFAULT 0,
    UNIQUE (community, code),
    UNIQUE (community, id),
    FOREIGN KEY (community, unit_id) REFERENCES unit (community, id)
);

-- The last registration number given per community and year: <yyyy>-<seq>.
CREATE TABLE appeal_counter (
    id        bigserial PRIMARY KEY,
    community text      NOT NULL,
    year      integer   NOT NULL,
    last      integer   NOT NULL,
    UNIQUE (community, year),
    UNIQUE (community, id)
);

CREATE TABLE appeal (
    id                 bigserial     PRIMARY KEY,
    community          text          NOT NULL,
    number             varchar(20)   NOT NULL,
    topic_id           bigint        NOT NULL,
    unit_id            bigint        NOT NULL,
    text               text          NOT NULL,
    latitude           double precision,
    longitude          double precision,
    applicant_name     varchar(200)  NOT NULL,
    email              varchar(254)  NOT NULL,
    phone              varchar(40),
    public_appeal      boolean       NOT NULL,
    status             varchar(20)   NOT NULL,
    received_at        timestamptz   NOT NULL,
    deadline           date          NOT NULL,
    executor_name      varchar(200),
    executor_phone     varchar(40),
    answer             text,
    answered_at        timestamptz,
    handed_over_to     varchar(40),
    handover_reference varchar(100),
    handover_route     varchar(300),
    version            bigint        NOT NULL DEFAULT 0,
    UNIQUE (community, number),
    UNIQUE (community, id),
    FOREIGN KEY (community, topic_id) REFERENCES topic (community, id),
    FOREIGN KEY (community, unit_id) REFERENCES unit (community, id)
);
CREATE INDEX appeal_unit_status ON appeal (community, unit_id, status);
CREATE INDEX appeal_email ON appeal (community, lower(email));
CREATE INDEX appeal_received ON appeal (community, received_at DESC);

-- Files received with an appeal: the bytes in the database (a few MB at most, checked by content).
CREATE TABLE attachment (
    id           bigserial    PRIMARY KEY,
    community    text         NOT NULL,
    appeal_id    bigint       NOT NULL,
    file_name    varchar(255) NOT NULL,
    content_type varchar(100) NOT NULL,
    size         bigint       NOT NULL,
    content      bytea        NOT NULL,
    UNIQUE (community, id),
    FOREIGN KEY (community, appeal_id) REFERENCES appeal (community, id)
);
CREATE INDEX attachment_appeal ON attachment (community, appeal_id);

-- The journal: every step of an appeal (actor null = the applicant or the system).
CREATE TABLE step (
    id        bigserial    PRIMARY KEY,
    community text         NOT NULL,
    appeal_id bigint       NOT NULL,
    at        timestamptz  NOT NULL,
    actor     varchar(200),
    action    varchar(20)  NOT NULL,
    details   text,
    UNIQUE (community, id),
    FOREIGN KEY (community, appeal_id) REFERENCES appeal (community, id)
);
CREATE INDEX step_appeal ON step (community, appeal_id, id);

-- One-time links to the cabinet: only the SHA-256 of the token is kept (hex).
CREATE TABLE cabinet_token (
    id         bigserial    PRIMARY KEY,
    community  text         NOT NULL,
    token_hash char(64)     NOT NULL,
    email      varchar(254) NOT NULL,
    expires_at timestamptz  NOT NULL,
    used_at    timestamptz,
    UNIQUE (community, token_hash),
    UNIQUE (community, id)
);

-- An opened cabinet: the SHA-256 of the session id, the applicant's address and its end.
CREATE TABLE cabinet_session (
    id           bigserial    PRIMARY KEY,
    community    text         NOT NULL,
    session_hash char(64)     NOT NULL,
    email        varchar(254) NOT NULL,
    expires_at   timestamptz  NOT NULL,
    UNIQUE (community, session_hash),
    UNIQUE (community, id)
);

-- Anti-spam counts in a sliding hour: kind (form, submit, email, link), the SHA-256 of the client
-- address or e-mail (no personal data kept for counting), when.
CREATE TABLE rate_event (
    id        bigserial   PRIMARY KEY,
    community text        NOT NULL,
    kind      varchar(20) NOT NULL,
    key_hash  char(64)    NOT NULL,
    at        timestamptz NOT NULL,
    UNIQUE (community, id)
);
CREATE INDEX rate_event_key ON rate_event (community, kind, key_hash, at);

-- Form tokens already used (a token works once); kept until they would have expired anyway.
CREATE TABLE form_nonce (
    id         bigserial   PRIMARY KEY,
    community  text        NOT NULL,
    nonce      varchar(64) NOT NULL,
    expires_at timestamptz NOT NULL,
    UNIQUE (community, nonce),
    UNIQUE (community, id)
);
