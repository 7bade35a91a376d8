-- The council's units that own e-services and handle appeals. Every table carries the community
-- of its rows (docs/regional-hosting.md); references between the module's tables include it.
CREATE TABLE unit (
    id        bigserial    PRIMARY KEY,
    community text         NOT NULL,
    code      varchar(40)  NOT NULL,
    name      varchar(300) NOT NULL,
    -- the portal role whose members are the unit's employees (their appeals inbox)
    role      varchar(100),
    email     varchar(254),
    phone     varchar(40),
    active    boolean      NOT NULL DEFAULT true,
    version   bigint       NOT NULL DEFAULT 0,
    UNIQUE (community, code),
    UNIQUE (community, id)
);
