-- Issue 15 (documents as acts): the warnings and protocols OKS issues become registered documents.
--   legal_article      each community's catalogue of legal bases (КУпАП articles, points of the rules
--                      of improvement), edited by OKS administrators; the shipped rows are written by
--                      the service at a community's first use of the documents
--   document_template  a community's own texts of a document kind (none: the shipped texts)
--   document_sequence  the last registration number given per community, kind and year: taken
--                      with INSERT … ON CONFLICT DO UPDATE … RETURNING, so two issues at once wait for
--                      each other's row and never share a number; a rolled-back issue gives its back
--   issued_document    a document as issued for a journal step (one per step): its number is given
--                      once and printed on every copy; violator and article are kept as issued
SET search_path = oks, public;

CREATE TABLE legal_article (
    id        bigserial PRIMARY KEY,
    community text NOT NULL DEFAULT 'default',
    code      varchar(100) NOT NULL,
    title     varchar(1000) NOT NULL DEFAULT '',
    active    boolean NOT NULL DEFAULT true,
    version   bigint NOT NULL DEFAULT 0,
    CONSTRAINT legal_article_code_key UNIQUE (community, code),
    CONSTRAINT legal_article_community_id_key UNIQUE (community, id)
);

CREATE TABLE document_template (
    community      text NOT NULL DEFAULT 'default',
    kind           varchar(20) NOT NULL CHECK (kind IN ('WARNING','PROTOCOL')),
    heading        varchar(1000) NOT NULL,
    body           varchar(20000) NOT NULL,
    number_pattern varchar(60) NOT NULL,
    version        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (community, kind)
);

CREATE TABLE document_sequence (
    community  text NOT NULL DEFAULT 'default',
    kind       varchar(20) NOT NULL CHECK (kind IN ('WARNING','PROTOCOL')),
    year       integer NOT NULL,
    last_value integer NOT NULL,
    PRIMARY KEY (community, kind, year)
);

CREATE TABLE issued_document (
    id               bigserial PRIMARY KEY,
    community        text NOT NULL DEFAULT 'default',
    violation_id     bigint NOT NULL,
    journal_id       bigint NOT NULL,
    kind             varchar(20) NOT NULL CHECK (kind IN ('WARNING','PROTOCOL')),
    year             integer NOT NULL,
    seq              integer NOT NULL,
    number           varchar(100) NOT NULL,
    issued_at        timestamptz NOT NULL,
    issued_on        date NOT NULL,
    issued_by        varchar(100) NOT NULL,
    issued_by_name   varchar(300),
    violator_kind    varchar(20) NOT NULL CHECK (violator_kind IN ('PERSON','ORGANISATION')),
    violator_name    varchar(300) NOT NULL,
    violator_code    varchar(10),
    violator_address varchar(500),
    violator_details varchar(1000),
    article_id       bigint NOT NULL,
    article_code     varchar(100) NOT NULL,
    article_title    varchar(1000) NOT NULL,
    witnesses        varchar(2000),
    explanation      varchar(4000),
    scan             bytea,
    scan_name        varchar(255),
    scan_type        varchar(100),
    scan_at          timestamptz,
    scan_by          varchar(100),
    CONSTRAINT issued_document_number_key UNIQUE (community, kind, year, seq),
    CONSTRAINT issued_document_journal_key UNIQUE (community, journal_id),
    CONSTRAINT issued_document_community_id_key UNIQUE (community, id),
    CONSTRAINT issued_document_violation_fkey FOREIGN KEY (community, violation_id) REFERENCES violation (community, id),
    CONSTRAINT issued_document_journal_fkey FOREIGN KEY (community, journal_id) REFERENCES journal (community, id),
    CONSTRAINT issued_document_article_fkey FOREIGN KEY (community, article_id) REFERENCES legal_article (community, id)
);
CREATE INDEX issued_document_violation ON issued_document (community, violation_id);
