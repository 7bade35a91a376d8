-- Optimistic locking of the users and roles forms (issue 20 item 33): the form carries the version
-- it loaded, a save checks and moves it. Sign-in bookkeeping (last sign-in, failure counter, lock)
-- does not move it: an administrator's open form is not refused because the employee signed in.
ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE roles ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- The built-in roles' descriptions come from the portal's resource bundles (role.builtin.<name>),
-- in the reader's language; a description an administrator wrote is kept as written.
UPDATE roles SET description = NULL WHERE name = 'admin' AND description = 'Portal administrator';
UPDATE roles SET description = NULL WHERE name = 'employee' AND description = 'Council employee';

-- "employee" (the role the admin guide's console example gives) reads the acts register; work in
-- a module needs a role with that module's permissions. Only a still-empty shipped role gets it.
INSERT INTO role_permissions (role, permission)
    SELECT 'employee', 'docsearch.view'
    WHERE EXISTS (SELECT 1 FROM roles WHERE name = 'employee')
      AND NOT EXISTS (SELECT 1 FROM role_permissions WHERE role = 'employee');
