package ua.hromada.opendata.audit.rules;

import java.util.Locale;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** The structure of the dataset (its fields) declared, or published as a structure file. */
public final class StructureMissingRule extends AbstractAuditRule {

    public StructureMissingRule() {
        super("structure-missing", Severity.MAJOR);
    }

    @Override
    public void check(DatasetCheck c, Findings out) {
        if (!c.dataset().structure().isEmpty()) {
            return;
        }
        for (Resource r : c.resources()) {
            if (structureFile(r.name()) || structureFile(r.fileName()) || structureFile(r.url())) {
                return;
            }
        }
        out.add(this, null, explain(c, "finding"));
    }

    private static boolean structureFile(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("структур") || n.contains("structure") || n.contains("schema") || n.contains("схема");
    }
}
