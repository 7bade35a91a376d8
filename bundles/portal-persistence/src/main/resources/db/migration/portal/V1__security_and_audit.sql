-- Core schema: employees, roles and the audit trail. Flyway runs this inside schema "portal".

CREATE TABLE users (
    id              BIGSERIAL PRIMARY KEY,
    -- stored lowercased by the service; the CHECK keeps other writers honest
    username        VARCHAR(64)  NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(254),
    password_hash   VARCHAR(100) NOT NULL,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    last_login      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE roles (
    name        VARCHAR(64) PRIMARY KEY,
    description VARCHAR(500)
);

CREATE TABLE role_permissions (
    role       VARCHAR(64)  NOT NULL REFERENCES roles (name) ON DELETE CASCADE,
    permission VARCHAR(200) NOT NULL,
    PRIMARY KEY (role, permission)
);

CREATE TABLE user_roles (
    user_id BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- no cascade: a role in use must not vanish under its users
    role    VARCHAR(64) NOT NULL REFERENCES roles (name),
    PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role_idx ON user_roles (role);

CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor       VARCHAR(64)  NOT NULL,
    module      VARCHAR(64)  NOT NULL,
    entity_type VARCHAR(100) NOT NULL,
    entity_id   VARCHAR(200),
    action      VARCHAR(100) NOT NULL,
    changes     TEXT
);
-- the audit view sorts newest first and filters by actor / module
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC);
CREATE INDEX audit_log_module_idx ON audit_log (module, at DESC);

INSERT INTO roles (name, description) VALUES
    ('admin', 'Portal administrator'),
    ('employee', 'Council employee');
INSERT INTO role_permissions (role, permission) VALUES ('admin', 'portal.admin');
