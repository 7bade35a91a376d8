-- The phone directory: one row per number of a council unit. Flyway runs this in the schema
-- "phonebook" (SchemaMigrations creates the schema and its own history table there).
CREATE TABLE entry (
    id       bigserial    PRIMARY KEY,
    unit     varchar(200) NOT NULL,
    person   varchar(200),
    phone    varchar(40)  NOT NULL,
    -- optimistic locking (portal-api Versioned): every update moves it on
    version  bigint       NOT NULL DEFAULT 0
);

CREATE INDEX entry_unit ON entry (lower(unit));
