package ua.hromada.docsearch.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import ua.hromada.docsearch.api.ActKind;

/**
 * Each community's catalogue of kinds, held once read (it changes only with a migration; read again
 * when an unknown code shows up), with the names by code every search uses.
 */
final class KindCatalogue {

    private record Read(List<ActKind> kinds, Map<String, String> names) {
    }

    private final Map<String, Read> byCommunity = new ConcurrentHashMap<>();

    List<ActKind> kinds(String community, Supplier<List<ActKind>> load) {
        return read(community, load).kinds();
    }

    Map<String, String> names(String community, Supplier<List<ActKind>> load) {
        return read(community, load).names();
    }

    /** A kind added since the catalogue was read: the next use reads it again. */
    void forget(String community) {
        byCommunity.remove(community);
    }

    private Read read(String community, Supplier<List<ActKind>> load) {
        Read cached = byCommunity.get(community);
        if (cached == null) {
            List<ActKind> kinds = List.copyOf(load.get());
            Map<String, String> names = new LinkedHashMap<>();
            kinds.forEach(kind -> names.put(kind.code(), kind.name()));
            cached = new Read(kinds, Collections.unmodifiableMap(names));
            byCommunity.put(community, cached);
        }
        return cached;
    }
}
