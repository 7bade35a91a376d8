-- The phone directory: one row per number of a council unit. Flyway runs this in the schema
-- "phonebook" (SchemaMigrations creates the schema and its own history table there).
-- Every table carries the community of its rows (docs/regional-hosting.md): after the migrations
-- the portal sets the column's default to the connection's community and turns on row-level
-- security, so no statement of the module names it.
CREATE TABLE entry (
    id       bigserial    PRIMARY KEY,
    community text        NOT NULL,
    unit     varchar(200) NOT NULL,
    person   varchar(200),
    phone    varchar(40)  NOT NULL,
    -- optimistic locking (portal-api Versioned): every update moves it on
    version  bigint       NOT NULL DEFAULT 0
);

CREATE INDEX entry_unit ON entry (lower(unit));
