package ua.hromada.opendata.ui.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.UpdateFrequency;

/**
 * The dataset list's filters as address parameters ({@code ?q=…&manager=3&tag=…&format=CSV&published=true
 * &frequency=YEARLY}), so a filtered list can be linked (from a manager's page, the widget) and
 * survives a reload. Unknown or malformed values are ignored, never an error page.
 */
public final class DatasetFilters {

    private DatasetFilters() {
    }

    /** The query the parameters describe, with the given page size. */
    public static DatasetQuery fromParameters(Map<String, List<String>> params, int limit) {
        String text = first(params, "q");
        Long manager = OpendataUi.parseId(first(params, "manager")).orElse(null);
        String tag = first(params, "tag");
        String format = first(params, "format");
        String published = first(params, "published");
        Boolean pub = "true".equals(published) ? Boolean.TRUE : "false".equals(published) ? Boolean.FALSE : null;
        UpdateFrequency frequency = null;
        String f = first(params, "frequency");
        if (f != null) {
            try {
                frequency = UpdateFrequency.valueOf(f);
            } catch (IllegalArgumentException e) {
                frequency = null;
            }
        }
        return new DatasetQuery(text, manager, tag, format, pub, frequency, 0, limit);
    }

    /** The parameters of a query (paging left out); empty filters are not written. */
    public static Map<String, List<String>> toParameters(DatasetQuery q) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        put(out, "q", q.text());
        put(out, "manager", q.managerId() == null ? null : q.managerId().toString());
        put(out, "tag", q.tag());
        put(out, "format", q.format());
        put(out, "published", q.published() == null ? null : q.published().toString());
        put(out, "frequency", q.frequency() == null ? null : q.frequency().name());
        return out;
    }

    /** The same filters for another page of the grid. */
    public static DatasetQuery page(DatasetQuery q, int offset, int limit) {
        return new DatasetQuery(q.text(), q.managerId(), q.tag(), q.format(), q.published(), q.frequency(), offset,
                Math.max(1, Math.min(limit, 10_000)));
    }

    private static void put(Map<String, List<String>> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.put(key, List.of(value.strip()));
        }
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }
}
