-- Sign-in hardening: forced password change, devices that signed in before, bootstrap record.

-- true for the first administrator created from config: the password sits in a file, so the
-- first sign-in must replace it before anything else
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

-- a browser that signed in to an account successfully holds a random token (cookie); only its
-- SHA-256 is stored. The right password from such a device passes the account's soft lock.
-- One browser keeps one token, known for each account it signed in to.
CREATE TABLE known_devices (
    token_hash   CHAR(64)    NOT NULL,
    user_id      BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- wrong passwords typed on this device since its last success; too many revoke it
    failures     INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (token_hash, user_id)
);
CREATE INDEX known_devices_user_idx ON known_devices (user_id, last_used_at DESC);

-- one-row facts about the installation; "admin.bootstrapped" makes admin.password of the
-- config ignored for good once the first administrator exists
CREATE TABLE security_state (
    name  VARCHAR(64)  PRIMARY KEY,
    value VARCHAR(200) NOT NULL,
    at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- an installation upgraded from V1 already has its administrator
INSERT INTO security_state (name, value)
    SELECT 'admin.bootstrapped', 'before V2' WHERE EXISTS (SELECT 1 FROM users);
