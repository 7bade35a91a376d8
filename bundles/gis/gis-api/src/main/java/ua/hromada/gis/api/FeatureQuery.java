package ua.hromada.gis.api;

import java.time.LocalDate;
import java.util.Map;

import ua.hromada.portal.api.map.BoundingBox;

/**
 * Which objects of one layer, and which page of them (ordered by id, so pages are stable).
 *
 * @param layerId    the layer
 * @param bbox       objects whose geometry intersects the box; null: anywhere
 * @param attributes attribute name → value the object's value must equal (as text, case-insensitive;
 *                   numbers and dates compared as values); an unknown name is refused
 * @param text       words found in any TEXT or CHOICE value (case-insensitive); null: any
 * @param dateAttribute a DATE attribute limited by {@code from}/{@code to}; null: none
 * @param from       inclusive; null: open
 * @param to         inclusive; null: open
 * @param offset     rows skipped
 * @param limit      1..{@link #MAX_LIMIT}
 */
public record FeatureQuery(long layerId, BoundingBox bbox, Map<String, String> attributes, String text,
        String dateAttribute, LocalDate from, LocalDate to, int offset, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public FeatureQuery {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    /** The first page (100) of every object of the layer. */
    public static FeatureQuery all(long layerId) {
        return new FeatureQuery(layerId, null, Map.of(), null, null, null, null, 0, 100);
    }

    public FeatureQuery page(int newOffset, int newLimit) {
        return new FeatureQuery(layerId, bbox, attributes, text, dateAttribute, from, to, newOffset, newLimit);
    }

    public FeatureQuery within(BoundingBox box) {
        return new FeatureQuery(layerId, box, attributes, text, dateAttribute, from, to, offset, limit);
    }

    public FeatureQuery where(Map<String, String> filters) {
        return new FeatureQuery(layerId, bbox, filters, text, dateAttribute, from, to, offset, limit);
    }

    public FeatureQuery matching(String words) {
        return new FeatureQuery(layerId, bbox, attributes, words, dateAttribute, from, to, offset, limit);
    }

    public FeatureQuery dated(String attribute, LocalDate fromDate, LocalDate toDate) {
        return new FeatureQuery(layerId, bbox, attributes, text, attribute, fromDate, toDate, offset, limit);
    }
}
