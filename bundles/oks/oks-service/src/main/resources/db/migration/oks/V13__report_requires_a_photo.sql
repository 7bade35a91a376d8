-- Issue 15 (photo evidence): «Звітовано про виконання» (REPORTED) requires at least one photo of the
-- work done by default. The rows an administrator never saved (version 0: every save raises it) get
-- PHOTOS among their required inputs in every community; a row an administrator saved keeps what
-- they chose (they may have required the photo already, or decided against it).
SET search_path = oks, public;

-- Every table is under forced row-level security once the portal has isolated the schema, which
-- binds its owner too (docs/regional-hosting.md): a change of every community's catalogue lifts it
-- for its statements and puts it back. On a new database (not isolated yet) there is nothing to lift.
-- Kept for the catalogue migrations after this one (V14); the application role cannot run it (it
-- does not own the table).
CREATE FUNCTION oks.change_every_community_catalogue(VARIADIC statements text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    forced boolean;
    statement text;
BEGIN
    SELECT relforcerowsecurity INTO forced FROM pg_class WHERE oid = 'oks.workflow_action'::regclass;
    IF forced THEN
        ALTER TABLE oks.workflow_action NO FORCE ROW LEVEL SECURITY;
    END IF;
    FOREACH statement IN ARRAY statements LOOP
        EXECUTE statement;
    END LOOP;
    IF forced THEN
        ALTER TABLE oks.workflow_action FORCE ROW LEVEL SECURITY;
    END IF;
END $$;

SELECT oks.change_every_community_catalogue($sql$
    UPDATE oks.workflow_action SET required = array_append(required, 'PHOTOS'),
            inputs = CASE WHEN 'PHOTOS' = ANY (inputs) THEN inputs ELSE array_append(inputs, 'PHOTOS') END
        WHERE kind = 'REPORTED' AND version = 0 AND NOT 'PHOTOS' = ANY (required)
$sql$);
