-- Modules changed in the Modules page (issue 17, docs/cluster.md): what the administrator wants of
-- each module and the archives uploaded there, so every node of one database follows the change
-- (the change log, topic portal.module, tells them) and a node that was down catches up at start.
-- Written by the shell on the owner's connection; modules do not touch it.
CREATE TABLE module_state (
    module_key VARCHAR(200) PRIMARY KEY,
    wanted     VARCHAR(12)  NOT NULL CHECK (wanted IN ('started', 'stopped', 'uninstalled')),
    node       VARCHAR(200) NOT NULL,
    at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- an uploaded .kar or .jar: each node keeps it (a KAR in deploy/, a jar as a bundle) until the
-- module it carries is uninstalled in the page
CREATE TABLE module_file (
    file_name   VARCHAR(255)   PRIMARY KEY,
    module_keys VARCHAR(200)[] NOT NULL,
    checksum    CHAR(64)       NOT NULL, -- SHA-256 of content, hex
    content     BYTEA          NOT NULL,
    node        VARCHAR(200)   NOT NULL,
    at          TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX module_file_keys_idx ON module_file USING gin (module_keys);
