-- Service cards (issue 14): the current version of each card and every saved version as it was, so a
-- case opened under version n keeps reading version n. Every table carries the community of its rows;
-- references between the tables include it (docs/regional-hosting.md, "For module authors").

CREATE TABLE service_card (
    id              bigserial     PRIMARY KEY,
    community       text          NOT NULL,
    national_id     varchar(40)   NOT NULL DEFAULT '',
    local_code      varchar(40)   NOT NULL,
    name            varchar(500)  NOT NULL,
    provider_kind   varchar(20)   NOT NULL,
    provider        varchar(300)  NOT NULL,
    provider_role   varchar(100)  NOT NULL DEFAULT '',
    legal_basis     text          NOT NULL DEFAULT '',
    legal_act_id    varchar(100)  NOT NULL DEFAULT '',
    fee_kind        varchar(20)   NOT NULL,
    fee_amount      numeric(12,2),
    fee_formula     varchar(500)  NOT NULL DEFAULT '',
    term_days       integer       NOT NULL CHECK (term_days BETWEEN 1 AND 365),
    result          text          NOT NULL DEFAULT '',
    refusal_grounds text          NOT NULL DEFAULT '',
    channels        text[]        NOT NULL DEFAULT '{}',
    queue_group     varchar(200)  NOT NULL DEFAULT '',
    active          boolean       NOT NULL DEFAULT true,
    card_version    integer       NOT NULL DEFAULT 1,
    version         bigint        NOT NULL DEFAULT 0,
    UNIQUE (community, local_code),
    UNIQUE (community, id)
);

-- The card's documents in its current version, in order.
CREATE TABLE card_document (
    id         bigserial    PRIMARY KEY,
    community  text         NOT NULL,
    card_id    bigint       NOT NULL,
    position   integer      NOT NULL,
    name       varchar(500) NOT NULL,
    kind       varchar(20)  NOT NULL,
    condition  varchar(20)  NOT NULL,
    original   boolean      NOT NULL DEFAULT false,
    UNIQUE (community, id),
    FOREIGN KEY (community, card_id) REFERENCES service_card (community, id) ON DELETE CASCADE
);

-- Every saved version of a card, whole (the ServiceCard as JSON), never changed afterwards.
CREATE TABLE card_version (
    id           bigserial   PRIMARY KEY,
    community    text        NOT NULL,
    card_id      bigint      NOT NULL,
    card_version integer     NOT NULL,
    content      jsonb       NOT NULL,
    saved_at     timestamptz NOT NULL,
    saved_by     varchar(100) NOT NULL,
    UNIQUE (community, card_id, card_version),
    UNIQUE (community, id),
    FOREIGN KEY (community, card_id) REFERENCES service_card (community, id) ON DELETE CASCADE
);
