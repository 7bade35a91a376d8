package ua.hromada.gis.api;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param total every matching item, not only this page's
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether items follow this page (the OGC API's {@code next} link). */
    public boolean hasNext() {
        return offset + items.size() < total;
    }
}
