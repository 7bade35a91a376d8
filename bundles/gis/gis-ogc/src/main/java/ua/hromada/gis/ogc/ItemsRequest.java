package ua.hromada.gis.ogc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.map.BoundingBox;

/**
 * The parameters of {@code /collections/{id}/items} as a {@link FeatureQuery}:
 * <ul>
 * <li>{@code limit} 1..{@value FeatureQuery#MAX_LIMIT}, default {@value #DEFAULT_LIMIT}; a larger
 * value is served as the maximum (the spec lets a server clamp), 0, a negative or a non-integer is a 400;</li>
 * <li>{@code offset} ≥ 0 (the position the {@code next}/{@code prev} links carry);</li>
 * <li>{@code bbox} four numbers west,south,east,north in WGS 84 (CRS84); six numbers (heights) and
 * boxes across the antimeridian are 400;</li>
 * <li>{@code datetime} on the layer's first DATE attribute: a date or an RFC 3339 date-time (its
 * date in the portal's time zone), or an interval of them with {@code ..} or nothing for an open end;
 * objects whose date falls in it (the ends included); a layer without a date attribute does not take it;</li>
 * <li>any attribute of the layer by name: objects with that value (text case-insensitive).</li>
 * </ul>
 */
final class ItemsRequest {

    static final int DEFAULT_LIMIT = 10;
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final String BBOX = "bbox";
    static final String DATETIME = "datetime";
    /** Names an attribute cannot be filtered by: the API's own parameters take them. */
    static final Set<String> RESERVED = Set.of(LIMIT, OFFSET, BBOX, DATETIME, Params.FORMAT);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    final FeatureQuery query;
    final Params params;

    private ItemsRequest(FeatureQuery query, Params params) {
        this.query = query;
        this.params = params;
    }

    /** The parameters the layer's items take (besides {@code f}). */
    static Set<String> parameters(Layer layer) {
        Set<String> names = new LinkedHashSet<>();
        names.add(LIMIT);
        names.add(OFFSET);
        names.add(BBOX);
        if (dateAttribute(layer).isPresent()) {
            names.add(DATETIME);
        }
        layer.attributes().stream().filter(a -> !RESERVED.contains(a.name())).forEach(a -> names.add(a.name()));
        return names;
    }

    /** The attribute {@code datetime} filters on: the layer's first DATE attribute. */
    static Optional<AttributeDefinition> dateAttribute(Layer layer) {
        return layer.attributes().stream().filter(a -> a.type() == AttributeType.DATE).findFirst();
    }

    static ItemsRequest read(Layer layer, Map<String, String[]> parameters, ZoneId zone) {
        Params p = Params.check(parameters, parameters(layer));
        int limit = limit(p.get(LIMIT));
        int offset = offset(p.get(OFFSET));
        BoundingBox box = p.get(BBOX) == null ? null : bbox(p.get(BBOX));
        Map<String, String> filters = new LinkedHashMap<>();
        for (AttributeDefinition a : layer.attributes()) {
            if (!RESERVED.contains(a.name()) && p.get(a.name()) != null) {
                filters.put(a.name(), p.get(a.name()));
            }
        }
        FeatureQuery q = new FeatureQuery(layer.id(), box, filters, null, null, null, null, offset, limit);
        String datetime = p.get(DATETIME);
        if (datetime != null) {
            LocalDate[] range = dates(datetime, zone);
            q = q.dated(dateAttribute(layer).orElseThrow().name(), range[0], range[1]);
        }
        return new ItemsRequest(q, p);
    }

    static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        String t = text.strip();
        if (t.length() > 18 && t.chars().allMatch(Character::isDigit)) {
            return FeatureQuery.MAX_LIMIT;
        }
        if (!DIGITS.matcher(t).matches() || Long.parseLong(t) < 1) {
            throw OgcError.badRequest("ogc.error.limit", text, FeatureQuery.MAX_LIMIT);
        }
        return (int) Math.min(Long.parseLong(t), FeatureQuery.MAX_LIMIT);
    }

    static int offset(String text) {
        if (text == null) {
            return 0;
        }
        String t = text.strip();
        if (!DIGITS.matcher(t).matches() || Long.parseLong(t) > Integer.MAX_VALUE) {
            throw OgcError.badRequest("ogc.error.offset", text);
        }
        return Integer.parseInt(t);
    }

    static BoundingBox bbox(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length == 6) {
            throw OgcError.badRequest("ogc.error.bbox.heights", text);
        }
        if (parts.length != 4) {
            throw OgcError.badRequest("ogc.error.bbox", text);
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw OgcError.badRequest("ogc.error.bbox", text);
            }
            if (!Double.isFinite(v[i]) || Math.abs(v[i]) > (i % 2 == 0 ? 180 : 90)) {
                throw OgcError.badRequest("ogc.error.bbox", text);
            }
        }
        if (v[1] > v[3]) {
            throw OgcError.badRequest("ogc.error.bbox", text);
        }
        if (v[0] > v[2]) {
            throw OgcError.badRequest("ogc.error.bbox.antimeridian", text);
        }
        return new BoundingBox(v[1], v[0], v[3], v[2]);
    }

    /** [from, to], either null for an open end. */
    static LocalDate[] dates(String text, ZoneId zone) {
        String t = text.strip();
        LocalDate from;
        LocalDate to;
        int slash = t.indexOf('/');
        if (slash < 0) {
            from = date(t, text, zone);
            to = from;
        } else {
            from = end(t.substring(0, slash), text, zone);
            to = end(t.substring(slash + 1), text, zone);
            if (from != null && to != null && from.isAfter(to)) {
                throw OgcError.badRequest("ogc.error.datetime.order", text);
            }
        }
        return new LocalDate[] { from, to };
    }

    private static LocalDate end(String part, String whole, ZoneId zone) {
        String p = part.strip();
        return p.isEmpty() || p.equals("..") ? null : date(p, whole, zone);
    }

    private static LocalDate date(String part, String whole, ZoneId zone) {
        try {
            if (part.length() == 10) {
                return LocalDate.parse(part);
            }
            // RFC 3339 allows a lower-case t and z
            return OffsetDateTime.parse(part.toUpperCase(java.util.Locale.ROOT)).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeParseException e) {
            throw OgcError.badRequest("ogc.error.datetime", whole);
        }
    }
}
