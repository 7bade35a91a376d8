-- Audit runs of the open data registry with their findings and scores (kept: the history shows
-- progress over time), a snapshot of the obligations each run judged (so the compliance matrix
-- of an old run stays what it was), and official requests to data managers.
-- Ids of datasets, managers and obligations are the registry's (schema opendata); no foreign keys
-- across schemas: the registry may delete a dataset, its old findings stay readable.
SET search_path = opendata_audit;

CREATE TABLE run (
    id               bigserial PRIMARY KEY,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    started_by       text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'CANCELLED', 'FAILED')),
    datasets_checked integer     NOT NULL DEFAULT 0,
    findings         integer     NOT NULL DEFAULT 0,
    score            double precision,
    link_checks      boolean     NOT NULL DEFAULT false
);
CREATE INDEX run_finished ON run (finished_at DESC) WHERE status = 'FINISHED';

-- one row per dataset and run: the score and what the compliance matrix needs
CREATE TABLE dataset_result (
    run_id        bigint  NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    dataset_id    bigint  NOT NULL,
    identifier    text    NOT NULL,
    title         text    NOT NULL,
    manager_id    bigint  NOT NULL,
    obligation_id bigint,
    published     boolean NOT NULL,
    score         double precision NOT NULL,
    findings      integer NOT NULL,
    critical      integer NOT NULL,
    major         integer NOT NULL,
    minor         integer NOT NULL,
    PRIMARY KEY (run_id, dataset_id)
);
CREATE INDEX dataset_result_manager ON dataset_result (run_id, manager_id);

CREATE TABLE manager_result (
    run_id     bigint  NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    manager_id bigint  NOT NULL,
    name       text    NOT NULL,
    edrpou     text,
    datasets   integer NOT NULL,
    score      double precision NOT NULL,
    findings   integer NOT NULL,
    PRIMARY KEY (run_id, manager_id)
);

CREATE TABLE finding (
    id            bigserial PRIMARY KEY,
    run_id        bigint NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    dataset_id    bigint NOT NULL,
    dataset_title text   NOT NULL,
    manager_id    bigint NOT NULL,
    resource_id   bigint,
    rule          text   NOT NULL,
    severity      text   NOT NULL CHECK (severity IN ('CRITICAL', 'MAJOR', 'MINOR')),
    explanation   text   NOT NULL
);
CREATE INDEX finding_run_dataset ON finding (run_id, dataset_id);
CREATE INDEX finding_run_manager ON finding (run_id, manager_id);

-- the national list as it was at the run, and which items applied to which manager
CREATE TABLE run_obligation (
    run_id        bigint NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    obligation_id bigint NOT NULL,
    code          text   NOT NULL,
    title         text   NOT NULL,
    description   text,
    legal_basis   text,
    PRIMARY KEY (run_id, obligation_id)
);

CREATE TABLE run_manager_obligation (
    run_id        bigint NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    manager_id    bigint NOT NULL,
    obligation_id bigint NOT NULL,
    PRIMARY KEY (run_id, manager_id, obligation_id)
);

CREATE TABLE official_request (
    id           bigserial PRIMARY KEY,
    manager_id   bigint      NOT NULL,
    manager_name text        NOT NULL,
    number       text        NOT NULL,
    sent_on      date        NOT NULL,
    due_on       date,
    subject      text        NOT NULL,
    body         text        NOT NULL,
    answered_on  date,
    answer       text,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT official_request_number UNIQUE (number),
    CONSTRAINT official_request_due CHECK (due_on IS NULL OR due_on >= sent_on),
    CONSTRAINT official_request_answer CHECK ((answered_on IS NULL) = (answer IS NULL))
);
CREATE INDEX official_request_manager ON official_request (manager_id, sent_on DESC);

-- a finding stays linked while its run is kept
CREATE TABLE official_request_finding (
    request_id bigint NOT NULL REFERENCES official_request (id) ON DELETE CASCADE,
    finding_id bigint NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    PRIMARY KEY (request_id, finding_id)
);
