-- Issue 15: the open action catalogue. The transition rules that were code (Workflow's table of
-- which action follows which, who takes it, what it asks for) become columns of each community's
-- actions, filled here to reproduce them exactly; administrators edit them and add actions of their
-- own. The kind stays every row's stable key: the journal and the violations keep referring to it,
-- so no journal row is rewritten; an added action gets a generated key (ACTION_<n>).
--   effect      what the action does to a case (ActionEffect): the behaviour other code relies on
--   active      an inactive action is offered on no card; old journal rows keep it
--   roles       who may take it: INSPECTOR, ADMIN, EXECUTOR (a member of the case's organisation)
--   after_keys  the keys of the actions it may follow (the archive follows every action: empty)
--   inputs      what its dialog shows: EXECUTOR, DEADLINE, COMMENT, PHOTOS, DOCUMENT
--   required    what the step needs (a subset of inputs)
--   document    the document the step produces (WARNING, PROTOCOL), null for none
SET search_path = oks, public;

CREATE SEQUENCE workflow_action_key_seq;

-- Every table is under forced row-level security once the portal has isolated the schema, which
-- binds its owner too (docs/regional-hosting.md): lifted for the filling so that it reaches every
-- community's rows, and put back. On a new database (not isolated yet) there is nothing to lift.
DO $$
DECLARE
    forced boolean;
BEGIN
    ALTER TABLE oks.workflow_action
        ADD COLUMN effect     varchar(20) NOT NULL DEFAULT 'NONE'
            CHECK (effect IN ('NONE','DETECT','ASSIGN','EXTEND','REPORT','CONFIRM','RETURN','DISPUTE','ARCHIVE')),
        ADD COLUMN active     boolean NOT NULL DEFAULT true,
        ADD COLUMN roles      text[]  NOT NULL DEFAULT '{}',
        ADD COLUMN after_keys text[]  NOT NULL DEFAULT '{}',
        ADD COLUMN inputs     text[]  NOT NULL DEFAULT '{}',
        ADD COLUMN required   text[]  NOT NULL DEFAULT '{}',
        ADD COLUMN document   varchar(20) CHECK (document IN ('WARNING','PROTOCOL'));

    SELECT relforcerowsecurity INTO forced FROM pg_class WHERE oid = 'oks.workflow_action'::regclass;
    IF forced THEN
        ALTER TABLE oks.workflow_action NO FORCE ROW LEVEL SECURITY;
    END IF;

    -- the rules of Workflow.java as they were (docs/oks-workflow.md); version is left alone, so a row
    -- no administrator saved still reads as shipped (V10 relies on it)
    UPDATE oks.workflow_action w SET effect = r.effect, roles = r.roles, after_keys = r.after_keys,
            inputs = r.inputs, required = r.required
        FROM (VALUES
            ('DETECTED',        'DETECT',  '{}'::text[], '{}'::text[], '{}'::text[], '{}'::text[]),
            ('DETECTED_URGENT', 'DETECT',  '{}', '{}', '{}', '{}'),
            ('SENT',            'ASSIGN',  '{INSPECTOR,ADMIN}', '{DETECTED,DETECTED_URGENT}',
                '{EXECUTOR,DEADLINE,COMMENT}', '{EXECUTOR,DEADLINE}'),
            ('ACCEPTED',        'NONE',    '{EXECUTOR}', '{SENT,REDIRECTED}', '{COMMENT}', '{}'),
            ('REPORTED',        'REPORT',  '{EXECUTOR}', '{ACCEPTED,RETURNED,EXTENDED}', '{COMMENT,PHOTOS}', '{}'),
            ('CONFIRMED',       'CONFIRM', '{INSPECTOR,ADMIN}', '{REPORTED}', '{COMMENT}', '{}'),
            ('RETURNED',        'RETURN',  '{INSPECTOR,ADMIN}', '{REPORTED}', '{COMMENT,DEADLINE}', '{COMMENT}'),
            ('DISPUTED',        'DISPUTE', '{EXECUTOR}', '{SENT,REDIRECTED,ACCEPTED,RETURNED,EXTENDED}',
                '{COMMENT}', '{COMMENT}'),
            ('REDIRECTED',      'ASSIGN',  '{INSPECTOR,ADMIN}', '{SENT,REDIRECTED,ACCEPTED,RETURNED,EXTENDED,DISPUTED}',
                '{EXECUTOR,DEADLINE,COMMENT}', '{EXECUTOR,COMMENT}'),
            ('EXTENDED',        'EXTEND',  '{INSPECTOR,ADMIN}', '{SENT,REDIRECTED,ACCEPTED,RETURNED,EXTENDED,DISPUTED}',
                '{DEADLINE,COMMENT}', '{DEADLINE}'),
            ('ARCHIVED',        'ARCHIVE', '{ADMIN}', '{}', '{COMMENT}', '{}')
        ) AS r (kind, effect, roles, after_keys, inputs, required)
        WHERE w.kind = r.kind;

    IF forced THEN
        ALTER TABLE oks.workflow_action FORCE ROW LEVEL SECURITY;
    END IF;
END $$;
