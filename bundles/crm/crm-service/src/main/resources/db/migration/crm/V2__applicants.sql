-- Applicants (issue 14): persons and organisations; the identifiers are stored as typed (digits only),
-- indexed for duplicate detection.

CREATE TABLE applicant (
    id                bigserial    PRIMARY KEY,
    community         text         NOT NULL,
    kind              varchar(20)  NOT NULL,
    last_name         varchar(100) NOT NULL DEFAULT '',
    first_name        varchar(100) NOT NULL DEFAULT '',
    patronymic        varchar(100) NOT NULL DEFAULT '',
    birth_date        date,
    tax_number        varchar(10)  NOT NULL DEFAULT '',
    document_type     varchar(20),
    document_number   varchar(20)  NOT NULL DEFAULT '',
    document_expiry   date,
    registry_number   varchar(20)  NOT NULL DEFAULT '',
    organisation_name varchar(500) NOT NULL DEFAULT '',
    edrpou            varchar(8)   NOT NULL DEFAULT '',
    phone             varchar(40)  NOT NULL DEFAULT '',
    email             varchar(254) NOT NULL DEFAULT '',
    address           varchar(500) NOT NULL DEFAULT '',
    created_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL DEFAULT 0,
    UNIQUE (community, id)
);
CREATE INDEX applicant_tax_number ON applicant (community, tax_number) WHERE tax_number <> '';
CREATE INDEX applicant_edrpou ON applicant (community, edrpou) WHERE edrpou <> '';
CREATE INDEX applicant_document ON applicant (community, document_number) WHERE document_number <> '';
CREATE INDEX applicant_name ON applicant (community, lower(last_name), lower(first_name));
