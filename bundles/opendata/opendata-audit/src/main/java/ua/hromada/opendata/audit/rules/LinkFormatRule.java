package ua.hromada.opendata.audit.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/**
 * A linked resource really is its declared format: by the answer's first bytes, else by its
 * Content-Type (a web page instead of a file is the usual case). Only when link checks are on.
 */
public final class LinkFormatRule extends AbstractAuditRule {
    /** Content types a server may honestly send for a format, besides the generic ones. */
    private static final Map<String, Set<String>> TYPES = Map.ofEntries(
            Map.entry("CSV", Set.of("text/csv", "text/plain", "application/csv", "text/comma-separated-values",
                    "application/vnd.ms-excel")),
            Map.entry("JSON", Set.of("application/json", "text/json", "text/plain")),
            Map.entry("GEOJSON", Set.of("application/geo+json", "application/json", "text/plain")),
            Map.entry("XML", Set.of("application/xml", "text/xml")),
            Map.entry("XLSX", Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip")),
            Map.entry("XLS", Set.of("application/vnd.ms-excel")),
            Map.entry("PDF", Set.of("application/pdf")),
            Map.entry("ZIP", Set.of("application/zip", "application/x-zip-compressed")));
    private static final Set<String> GENERIC = Set.of("application/octet-stream", "binary/octet-stream",
            "application/force-download", "application/download");

    public LinkFormatRule() {
        super("link-wrong-format", Severity.MAJOR);
    }

    @Override
    public void check(DatasetCheck c, Findings out) {
        LinkChecker links = c.links().orElse(null);
        if (links == null) {
            return;
        }
        for (Resource r : c.resources()) {
            String format = Formats.of(r);
            if (!r.uploaded() && r.url() != null && !format.isEmpty() && !"API".equals(format)) {
                out.when(links.check(r.url()), this, r.id(), answer -> explanation(c, r, format, answer));
            }
        }
    }

    private String explanation(DatasetCheck c, Resource r, String format, LinkChecker.Result answer) {
        if (!answer.reachable()) {
            return null; // the unreachable rule's finding
        }
        String type = mediaType(answer.contentType());
        if (answer.kind() != null && answer.kind() != Sniff.EMPTY) {
            boolean fits = answer.kind().fits(format).orElse(true);
            if (fits && answer.kind() == Sniff.TEXT && "text/html".equals(type) && !format.startsWith("HTM")) {
                fits = false; // a web page that does not start with a tag is still a web page
            }
            if (!fits) {
                return explain(c, "finding", r.url(), format, type == null ? answer.kind().label() : type + ", " + answer.kind().label());
            }
            return null;
        }
        Set<String> allowed = TYPES.get(format);
        if (type != null && allowed != null && !allowed.contains(type) && !GENERIC.contains(type)) {
            return explain(c, "finding", r.url(), format, type);
        }
        return null;
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
    }
}
