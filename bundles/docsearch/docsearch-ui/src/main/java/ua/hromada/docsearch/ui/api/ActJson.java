package ua.hromada.docsearch.ui.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.docsearch.api.ActFile;
import ua.hromada.docsearch.api.ActLink;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.docsearch.api.SearchResult.Hit;

/** The JSON shapes of the documents API, as plain maps (dates as yyyy-MM-dd strings). */
public final class ActJson {

    private ActJson() {
    }

    public static Map<String, Object> result(SearchResult result, String base) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", result.total());
        out.put("hits", result.hits().stream().map(h -> hit(h, base)).toList());
        Map<String, Object> facets = new LinkedHashMap<>();
        if (result.facets() != null) {
            result.facets().forEach((name, values) -> facets.put(name, values.stream().map(v -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("value", v.value());
                f.put("label", v.label());
                f.put("count", v.count());
                return f;
            }).toList()));
        }
        out.put("facets", facets);
        out.put("tookMillis", result.tookMillis());
        return out;
    }

    static Map<String, Object> hit(Hit h, String base) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", h.id());
        out.put("kind", h.kindCode());
        out.put("kindName", h.kindName());
        out.put("number", h.number());
        out.put("date", h.date() == null ? null : h.date().toString());
        out.put("title", h.title());
        out.put("issuingBody", h.issuingBody());
        out.put("status", h.status() == null ? null : h.status().name());
        out.put("score", h.score());
        out.put("snippet", h.snippet());
        out.put("url", base + h.id());
        return out;
    }

    /** @param base the API prefix of acts, e.g. {@code /api/documents/} */
    public static Map<String, Object> act(LegalAct act, String base) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", act.id());
        out.put("kind", act.kind() == null ? null : act.kind().code());
        out.put("kindName", act.kind() == null ? null : act.kind().name());
        out.put("number", act.number());
        out.put("normalizedNumber", act.normalizedNumber());
        out.put("date", act.date() == null ? null : act.date().toString());
        out.put("title", act.title());
        out.put("issuingBody", act.issuingBody());
        out.put("convocation", act.convocation());
        out.put("session", act.session());
        out.put("status", act.status() == null ? null : act.status().name());
        out.put("tags", act.tags() == null ? List.of() : List.copyOf(act.tags()));
        out.put("links", (act.links() == null ? List.<ActLink>of() : act.links()).stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("actId", l.otherActId());
            m.put("type", l.type().name());
            m.put("direction", l.outgoing() ? "outgoing" : "incoming");
            m.put("number", l.otherNumber());
            m.put("date", l.otherDate() == null ? null : l.otherDate().toString());
            m.put("title", l.otherTitle());
            m.put("url", base + l.otherActId());
            return m;
        }).toList());
        out.put("files", (act.files() == null ? List.<ActFile>of() : act.files()).stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("fileName", f.fileName());
            m.put("mediaType", f.mediaType());
            m.put("size", f.size());
            m.put("sha256", f.sha256());
            m.put("extraction", f.extraction() == null ? null : f.extraction().name());
            m.put("url", base + act.id() + "/files/" + f.id());
            return m;
        }).toList());
        out.put("createdAt", act.createdAt() == null ? null : act.createdAt().toString());
        out.put("updatedAt", act.updatedAt() == null ? null : act.updatedAt().toString());
        return out;
    }
}
