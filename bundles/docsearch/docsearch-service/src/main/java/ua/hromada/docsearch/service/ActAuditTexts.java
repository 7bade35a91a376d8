package ua.hromada.docsearch.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.service.store.StoredFile;

/** What the audit log says about an act: the act in one line, and the fields an update changed. */
final class ActAuditTexts {
    private ActAuditTexts() {
    }

    static String describe(LegalAct a) {
        return a.kind().code() + " № " + a.number() + " від " + a.date() + " «" + shorten(a.title()) + "» " + a.status();
    }

    static String changes(LegalAct b, LegalAct a) {
        List<String> out = new ArrayList<>();
        diff(out, "kind", b.kind().code(), a.kind().code());
        diff(out, "number", b.number(), a.number());
        diff(out, "date", b.date(), a.date());
        diff(out, "title", shorten(b.title()), shorten(a.title()));
        diff(out, "issuingBody", b.issuingBody(), a.issuingBody());
        diff(out, "convocation", b.convocation(), a.convocation());
        diff(out, "session", b.session(), a.session());
        diff(out, "status", b.status(), a.status());
        diff(out, "tags", new java.util.TreeSet<>(b.tags()), new java.util.TreeSet<>(a.tags()));
        diff(out, "links", b.links().stream().filter(l -> l.outgoing()).map(l -> l.type() + ":" + l.otherActId()).sorted().toList(),
                a.links().stream().filter(l -> l.outgoing()).map(l -> l.type() + ":" + l.otherActId()).sorted().toList());
        return out.isEmpty() ? "no changes" : String.join("; ", out);
    }

    private static void diff(List<String> out, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(field + ": " + before + " → " + after);
        }
    }

    private static String shorten(String s) {
        return s == null || s.length() <= 120 ? s : s.substring(0, 119) + "…";
    }

    static String fileNames(List<StoredFile> files) {
        return files.stream().map(f -> f.fileName() + " (" + f.status() + ")").collect(Collectors.joining(", "));
    }
}
