package ua.hromada.gis.ogc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request's query parameters, checked against those its resource knows: any other name is a 400
 * (the spec: a server refuses parameters it does not support), as is a name given twice. {@code f}
 * is known everywhere and only {@code json} is offered (no HTML encoding).
 */
final class Params {

    static final String FORMAT = "f";

    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param parameters the request's parameters (name → values)
     * @param known      the names the resource takes besides {@code f}
     */
    static Params check(Map<String, String[]> parameters, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            String name = e.getKey();
            if (!name.equals(FORMAT) && !known.contains(name)) {
                throw OgcError.badRequest("ogc.error.parameter.unknown", name);
            }
            if (e.getValue().length != 1) {
                throw OgcError.badRequest("ogc.error.parameter.repeated", name);
            }
            values.put(name, e.getValue()[0]);
        }
        String format = values.get(FORMAT);
        if (format != null && !format.equals("json")) {
            throw OgcError.badRequest("ogc.error.format", format);
        }
        return new Params(values);
    }

    String get(String name) {
        return values.get(name);
    }

    /** The parameters as given, f included (the next and previous links repeat them). */
    Map<String, String> all() {
        return values;
    }
}
