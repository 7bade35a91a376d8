-- Verification (issue 14): the findings of the checks, their overrides, and the OCR readings of scans.
-- Analytics reads case_finding: errors caught by rule (every row is one finding that fired) and how many
-- were overridden.

-- One fired check of a case. A row stays open (resolved_at null) while its check keeps firing on each
-- run; when a run no longer fires it, resolved_at is set. The same check firing again later opens a new
-- row. An override (with its reason) is kept on the open row and counts for the next runs.
CREATE TABLE case_finding (
    id              bigserial    PRIMARY KEY,
    community       text         NOT NULL,
    case_id         bigint       NOT NULL,
    rule            varchar(40)  NOT NULL,
    subject         varchar(200) NOT NULL DEFAULT '',
    severity        varchar(10)  NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
    message         text         NOT NULL,
    evidence        text         NOT NULL DEFAULT '',
    scan_id         bigint,
    -- where on the scan: page, left, top, width, height in the page image's pixels
    region          integer[],
    fired_at        timestamptz  NOT NULL,
    checked_at      timestamptz  NOT NULL,
    resolved_at     timestamptz,
    overridden      boolean      NOT NULL DEFAULT false,
    override_reason text         NOT NULL DEFAULT '',
    overridden_by   varchar(100) NOT NULL DEFAULT '',
    overridden_at   timestamptz,
    UNIQUE (community, id),
    FOREIGN KEY (community, case_id) REFERENCES service_case (community, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX case_finding_open ON case_finding (community, case_id, rule, subject) WHERE resolved_at IS NULL;
CREATE INDEX case_finding_rule ON case_finding (community, rule, fired_at);
-- every finding of a case, resolved ones too (analytics joins them to the cases of a period)
CREATE INDEX case_finding_case ON case_finding (community, case_id);

-- What the OCR read on a scan (scans never change), so verifying again does not read it again. Only
-- readings that succeeded are kept: a scan not read (no tesseract yet) is tried on the next run.
CREATE TABLE scan_reading (
    id        bigserial    PRIMARY KEY,
    community text         NOT NULL,
    scan_id   bigint       NOT NULL,
    engine    varchar(200) NOT NULL,
    pages     integer      NOT NULL,
    -- [[page, line, left, top, width, height, confidence, text], ...]
    words     jsonb        NOT NULL,
    read_at   timestamptz  NOT NULL,
    UNIQUE (community, scan_id),
    UNIQUE (community, id),
    FOREIGN KEY (community, scan_id) REFERENCES case_scan (community, id) ON DELETE CASCADE
);
