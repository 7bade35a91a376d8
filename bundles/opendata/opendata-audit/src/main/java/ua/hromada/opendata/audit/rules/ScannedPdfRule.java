package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** An uploaded PDF with no text layer: pictures of pages, no data a program can take. */
public final class ScannedPdfRule extends AbstractAuditRule {

    public ScannedPdfRule() {
        super("pdf-scanned", Severity.MAJOR);
    }

    @Override
    public void check(DatasetCheck c, Findings out) {
        for (Resource r : c.resources()) {
            c.pdf(r).filter(p -> p.checked() && !p.hasText())
                    .ifPresent(p -> out.add(this, r.id(), explain(c, "finding", r.name(), p.pages())));
        }
    }
}
