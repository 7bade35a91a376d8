-- Regional hosting (issue 18): an account belongs to one or more communities with its roles in
-- each; audit entries carry the community they were made in. The portal schema itself is not
-- under row-level security (the core filters by community); only the audit table is written by
-- modules through their community connections (role hromada_app, hromada.community set).

CREATE TABLE memberships (
    id        BIGSERIAL   PRIMARY KEY,
    user_id   BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- a community's id (Communities); communities live in their files, so no foreign key
    community VARCHAR(64) NOT NULL,
    UNIQUE (user_id, community)
);
CREATE INDEX memberships_community_idx ON memberships (community, user_id);

CREATE TABLE membership_roles (
    membership_id BIGINT      NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    -- no cascade: a role in use must not vanish under its users
    role          VARCHAR(64) NOT NULL REFERENCES roles (name),
    PRIMARY KEY (membership_id, role)
);
CREATE INDEX membership_roles_role_idx ON membership_roles (role);

-- every existing account's one role set becomes its roles in the default community
INSERT INTO memberships (user_id, community) SELECT id, 'default' FROM users;
INSERT INTO membership_roles (membership_id, role)
    SELECT m.id, ur.role FROM user_roles ur JOIN memberships m ON m.user_id = ur.user_id AND m.community = 'default';
DROP TABLE user_roles;

-- the regional administrator: every permission in every community, manages the communities
INSERT INTO roles (name, description) VALUES ('regional-admin', NULL) ON CONFLICT (name) DO NOTHING;
INSERT INTO role_permissions (role, permission)
    VALUES ('regional-admin', 'portal.admin'), ('regional-admin', 'portal.communities.manage')
    ON CONFLICT DO NOTHING;

-- an installation from before: its first administrator (the one created from config, else the
-- oldest enabled administrator) becomes the regional administrator
INSERT INTO membership_roles (membership_id, role)
    SELECT m.id, 'regional-admin' FROM memberships m
    WHERE m.community = 'default' AND m.user_id = coalesce(
        (SELECT u.id FROM users u JOIN security_state s
            ON s.name = 'admin.bootstrapped' AND s.value = 'created ' || u.username),
        (SELECT min(u.id) FROM users u
            JOIN memberships um ON um.user_id = u.id
            JOIN membership_roles mr ON mr.membership_id = um.id
            JOIN role_permissions rp ON rp.role = mr.role
            WHERE u.enabled AND rp.permission = 'portal.admin'))
    ON CONFLICT DO NOTHING;

-- existing entries are the default community's; a module's entry written on its community
-- connection takes that connection's community, unbound work is the default community's
ALTER TABLE audit_log ADD COLUMN community VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE audit_log ALTER COLUMN community
    SET DEFAULT coalesce(nullif(current_setting('hromada.community', true), ''), 'default');
-- every listing is one community's, newest first
CREATE INDEX audit_log_community_at_idx ON audit_log (community, at DESC, id DESC);

-- modules record their changes with their own connections, as the application role
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hromada_app') THEN
        CREATE ROLE hromada_app NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
GRANT USAGE ON SCHEMA portal TO hromada_app;
GRANT INSERT ON audit_log TO hromada_app;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO hromada_app;
