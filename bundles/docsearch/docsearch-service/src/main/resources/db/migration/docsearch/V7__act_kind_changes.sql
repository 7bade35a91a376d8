-- Several nodes on one database (docs/cluster.md): every node keeps each community's catalogue of
-- kinds in memory (LegalActRegistryImpl.kinds). Whatever changes the catalogue — the shipped kinds
-- given to a community at its first use, an administrator's INSERT / UPDATE / DELETE in psql, a later
-- migration — leaves a row in the core's change log in the same transaction (topic docsearch.act-kind,
-- key the kind's code), and each node reads that community's catalogue again once it commits. Node
-- '(database)' is no portal node, so every node follows it, the one whose work wrote it too.
CREATE FUNCTION act_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the core's change log is in every portal's database; the module's own tests run without it
    IF to_regclass('portal.change_log') IS NOT NULL THEN
        INSERT INTO portal.change_log (topic, key, community, node)
        VALUES ('docsearch.act-kind', CASE WHEN TG_OP = 'DELETE' THEN OLD.code ELSE NEW.code END,
                CASE WHEN TG_OP = 'DELETE' THEN OLD.community ELSE NEW.community END, '(database)');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER act_kind_changed AFTER INSERT OR UPDATE OR DELETE ON act_kind
    FOR EACH ROW EXECUTE FUNCTION act_kind_changed();
