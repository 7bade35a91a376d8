package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** Data as documents or pictures (PDF, DOC/DOCX, JPG…) where CSV, XLSX or JSON is expected. */
public final class NotMachineReadableRule extends AbstractAuditRule {

    public NotMachineReadableRule() {
        super("format-not-machine-readable", Severity.MAJOR);
    }

    @Override
    public void check(DatasetCheck c, Findings out) {
        for (Resource r : c.resources()) {
            String format = Formats.of(r);
            if (!format.isEmpty() && !Formats.machineReadable(format)) {
                out.add(this, r.id(), explain(c, "resource", r.name(), format));
            }
        }
        // the passport itself promises only documents or pictures
        if (!c.dataset().formats().isEmpty() && c.dataset().formats().stream().noneMatch(Formats::machineReadable)
                && c.dataset().formats().stream().anyMatch(f -> !Formats.normalize(f).isEmpty())) {
            out.add(this, null, explain(c, "passport", String.join(", ", c.dataset().formats())));
        }
    }
}
