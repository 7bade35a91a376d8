-- Issue 15, seed 000: with 1 «Без виконавця», 5 «Направлено», 1 «В стані вирішення», 2 «Виконано» and
-- 1 «Конфліктне» the seed's analytics show Адміністратори 0 / Інспектори 4 / Виконавці 6: the inspector
-- takes the next step after «Виконання підтверджено» (4-5) and after «Конфліктне» (5-7), not an OKS
-- administrator as shipped until now. The rows an administrator never saved (version 0: every save
-- raises it) and that still carry the shipped group are corrected in every community; a row an
-- administrator saved keeps what they chose (docs/oks.md says how to check it).
SET search_path = oks, public;

-- Every table is under forced row-level security once the portal has isolated the schema, which
-- binds its owner too (docs/regional-hosting.md): lifted for this one statement so that it reaches
-- every community's rows, and put back. On a new database (not isolated yet) there is nothing to lift.
DO $$
DECLARE
    forced boolean;
BEGIN
    SELECT relforcerowsecurity INTO forced FROM pg_class WHERE oid = 'oks.workflow_action'::regclass;
    IF forced THEN
        ALTER TABLE oks.workflow_action NO FORCE ROW LEVEL SECURITY;
    END IF;
    UPDATE oks.workflow_action SET responsible = 'INSPECTORS'
        WHERE kind IN ('CONFIRMED', 'DISPUTED') AND responsible = 'ADMINISTRATORS' AND version = 0;
    IF forced THEN
        ALTER TABLE oks.workflow_action FORCE ROW LEVEL SECURITY;
    END IF;
END $$;
