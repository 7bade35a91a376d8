package ua.hromada.opendata.audit.rules;

import java.util.LinkedHashSet;
import java.util.Set;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/**
 * The declared format against the actual one: an uploaded file's name, its first bytes (read by
 * the CSV and PDF checks), and the passport's formats against those of the resources and links
 * (a dataset without any promises nothing it can keep).
 */
public final class FormatMismatchRule extends AbstractAuditRule {

    public FormatMismatchRule() {
        super("format-mismatch", Severity.MAJOR);
    }

    @Override
    public void check(DatasetCheck c, Findings out) {
        Set<String> actual = new LinkedHashSet<>();
        for (Resource r : c.resources()) {
            String declared = Formats.normalize(r.format());
            String byName = r.uploaded() ? Formats.extension(r.fileName()) : "";
            actual.add(Formats.of(r));
            if (!declared.isEmpty() && !byName.isEmpty() && !same(declared, byName)) {
                out.add(this, r.id(), explain(c, "name", r.name(), declared, r.fileName()));
                continue;
            }
            c.sniffed(r).filter(kind -> !kind.fits(Formats.of(r)).orElse(true))
                    .ifPresent(kind -> out.add(this, r.id(), explain(c, "content", r.name(), Formats.of(r), kind.label())));
        }
        if (c.resources().isEmpty() && c.dataset().links().stream().allMatch(l -> l == null || l.isBlank())) {
            return; // nothing at all is the resources-missing finding
        }
        // the passport's links are distributions too (the public page and CKAN list them), by their extension
        for (String link : c.dataset().links()) {
            String byName = Formats.extension(link);
            if (!byName.isEmpty()) {
                actual.add(byName);
            }
        }
        actual.remove("");
        Set<String> missing = new LinkedHashSet<>();
        for (String f : c.dataset().formats()) {
            String n = Formats.normalize(f);
            if (!n.isEmpty() && actual.stream().noneMatch(a -> same(a, n))) {
                missing.add(n);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (actual.isEmpty()) {
            // no file at all in a promised format: the passport must not promise what is not there
            out.add(this, null, explain(c, "passportNone", String.join(", ", missing)));
        } else {
            out.add(this, null, explain(c, "passport", String.join(", ", missing), String.join(", ", actual)));
        }
    }

    private static boolean same(String a, String b) {
        return a.equals(b) || Set.of(a, b).equals(Set.of("JPG", "JPEG")) || Set.of(a, b).equals(Set.of("TIF", "TIFF"))
                || Set.of(a, b).equals(Set.of("HTM", "HTML"));
    }
}
