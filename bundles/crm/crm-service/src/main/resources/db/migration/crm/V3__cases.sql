-- Cases (issue 14): the application, its document checklist made from the card version it was opened
-- under, the scans, and the journal of every step.

-- The last registration number given per community and year: <yyyy>-<seq>.
CREATE TABLE case_counter (
    id        bigserial PRIMARY KEY,
    community text      NOT NULL,
    year      integer   NOT NULL,
    last      integer   NOT NULL,
    UNIQUE (community, year),
    UNIQUE (community, id)
);

CREATE TABLE service_case (
    id               bigserial    PRIMARY KEY,
    community        text         NOT NULL,
    number           varchar(20)  NOT NULL,
    applicant_id     bigint       NOT NULL,
    card_id          bigint       NOT NULL,
    card_version     integer      NOT NULL,
    -- what the case keeps of its card version: the lists, the journal and the papers read it from here
    service_name     varchar(500) NOT NULL,
    provider_kind    varchar(20)  NOT NULL,
    provider         varchar(300) NOT NULL,
    refusal_grounds  text         NOT NULL DEFAULT '',
    source           varchar(20)  NOT NULL,
    appeal_number    varchar(40)  NOT NULL DEFAULT '',
    request          text         NOT NULL DEFAULT '',
    by_proxy         boolean      NOT NULL DEFAULT false,
    fee_paid         boolean      NOT NULL DEFAULT false,
    status           varchar(20)  NOT NULL,
    administrator    varchar(100) NOT NULL,
    -- the administrator's name as it was when the case was opened: the papers print it
    administrator_name varchar(200) NOT NULL DEFAULT '',
    back_office_role varchar(100) NOT NULL DEFAULT '',
    executor         varchar(100) NOT NULL DEFAULT '',
    registered_at    timestamptz  NOT NULL,
    deadline         date         NOT NULL,
    handed_over_at   timestamptz,
    ready_at         timestamptz,
    issued_at        timestamptz,
    refusal_reason   text         NOT NULL DEFAULT '',
    -- when the reminder before the deadline was sent (once)
    reminded_at      timestamptz,
    version          bigint       NOT NULL DEFAULT 0,
    UNIQUE (community, number),
    UNIQUE (community, id),
    FOREIGN KEY (community, applicant_id) REFERENCES applicant (community, id),
    FOREIGN KEY (community, card_id) REFERENCES service_card (community, id)
);
CREATE INDEX service_case_status ON service_case (community, status, deadline);
CREATE INDEX service_case_applicant ON service_case (community, applicant_id);
CREATE INDEX service_case_registered ON service_case (community, registered_at);
CREATE INDEX service_case_role ON service_case (community, back_office_role, status);

CREATE TABLE case_document (
    id         bigserial    PRIMARY KEY,
    community  text         NOT NULL,
    case_id    bigint       NOT NULL,
    position   integer      NOT NULL,
    name       varchar(500) NOT NULL,
    kind       varchar(20)  NOT NULL,
    condition  varchar(20)  NOT NULL,
    original   boolean      NOT NULL DEFAULT false,
    received   boolean      NOT NULL DEFAULT false,
    UNIQUE (community, id),
    FOREIGN KEY (community, case_id) REFERENCES service_case (community, id) ON DELETE CASCADE
);

CREATE TABLE case_scan (
    id           bigserial    PRIMARY KEY,
    community    text         NOT NULL,
    case_id      bigint       NOT NULL,
    document_id  bigint       NOT NULL,
    file_name    varchar(255) NOT NULL,
    content_type varchar(100) NOT NULL,
    size         bigint       NOT NULL,
    content      bytea        NOT NULL,
    uploaded_at  timestamptz  NOT NULL,
    uploaded_by  varchar(100) NOT NULL,
    UNIQUE (community, id),
    FOREIGN KEY (community, case_id) REFERENCES service_case (community, id) ON DELETE CASCADE,
    FOREIGN KEY (community, document_id) REFERENCES case_document (community, id) ON DELETE CASCADE
);

CREATE TABLE case_step (
    id        bigserial    PRIMARY KEY,
    community text         NOT NULL,
    case_id   bigint       NOT NULL,
    at        timestamptz  NOT NULL,
    username  varchar(100) NOT NULL,
    action    varchar(40)  NOT NULL,
    detail    text         NOT NULL DEFAULT '',
    UNIQUE (community, id),
    FOREIGN KEY (community, case_id) REFERENCES service_case (community, id) ON DELETE CASCADE
);
CREATE INDEX case_step_case ON case_step (community, case_id, at);
