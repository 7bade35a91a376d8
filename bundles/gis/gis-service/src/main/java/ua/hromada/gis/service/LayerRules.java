package ua.hromada.gis.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.LayerStyle;
import ua.hromada.gis.api.ValidationError;

/** What a group or a layer definition must be before the registry stores it (no database needed). */
final class LayerRules {
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,59}");
    static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** The colours maps accept (as portal-api's map types): hex or a CSS colour name, nothing else. */
    private static final Pattern COLOR = Pattern.compile("#(\\p{XDigit}{3}|\\p{XDigit}{6}|\\p{XDigit}{8})|[a-zA-Z]{3,30}");
    static final int TITLE_MAX = 300;
    static final int LABEL_MAX = 200;
    static final int TEXT_LIMIT_MAX = 10_000;

    private LayerRules() {
    }

    /** Refuses with every problem found (a check of this class or of {@link ExternalLayerRules}). */
    static void require(List<ValidationError> errors) {
        if (!errors.isEmpty()) {
            throw new GisException(errors);
        }
    }

    static List<ValidationError> check(LayerGroup g) {
        List<ValidationError> errors = new ArrayList<>();
        key(g.key(), errors);
        title(g.title(), errors);
        return errors;
    }

    static List<ValidationError> check(Layer l) {
        List<ValidationError> errors = new ArrayList<>();
        key(l.key(), errors);
        title(l.title(), errors);
        if (l.geometryType() == null) {
            errors.add(new ValidationError("geometryType", "gis.error.geometryTypeMissing"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < l.attributes().size(); i++) {
            attribute(l.attributes().get(i), "attributes[" + i + "]", names, errors);
        }
        style(l, errors);
        if (l.ownerUnit() != null && l.ownerUnit().strip().length() > LABEL_MAX) {
            errors.add(new ValidationError("ownerUnit", "gis.error.tooLongField", Integer.toString(LABEL_MAX)));
        }
        if (l.linkedLayerId() != null && l.id() != 0 && l.linkedLayerId() == l.id()) {
            errors.add(new ValidationError("linkedLayerId", "gis.error.linkedLayer"));
        }
        metadata(l, errors);
        return errors;
    }

    static void key(String key, List<ValidationError> errors) {
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(new ValidationError("key", "gis.error.key"));
        }
    }

    static void title(String title, List<ValidationError> errors) {
        if (title == null || title.isBlank() || title.strip().length() > TITLE_MAX) {
            errors.add(new ValidationError("title", "gis.error.title", Integer.toString(TITLE_MAX)));
        }
    }

    private static void attribute(AttributeDefinition a, String field, Set<String> names, List<ValidationError> errors) {
        if (a.name() == null || !ATTRIBUTE_NAME.matcher(a.name()).matches()) {
            errors.add(new ValidationError(field, "gis.error.attributeName", String.valueOf(a.name())));
        } else if (!names.add(a.name())) {
            errors.add(new ValidationError(field, "gis.error.attributeDuplicate", a.name()));
        }
        if (a.label() == null || a.label().isBlank() || a.label().strip().length() > LABEL_MAX) {
            errors.add(new ValidationError(field, "gis.error.attributeLabel", String.valueOf(a.name()),
                    Integer.toString(LABEL_MAX)));
        }
        if (a.type() == null) {
            errors.add(new ValidationError(field, "gis.error.attributeType", String.valueOf(a.name())));
            return;
        }
        if (a.type() == AttributeType.CHOICE) {
            Set<String> seen = new HashSet<>();
            boolean bad = a.choices().isEmpty();
            for (String c : a.choices()) {
                bad |= c == null || c.isBlank() || !seen.add(c.strip().toLowerCase(java.util.Locale.ROOT));
            }
            if (bad) {
                errors.add(new ValidationError(field, "gis.error.choices", String.valueOf(a.name())));
            }
        }
        if (a.maxLength() != null && (a.type() != AttributeType.TEXT || a.maxLength() < 1
                || a.maxLength() > TEXT_LIMIT_MAX)) {
            errors.add(new ValidationError(field, "gis.error.maxLength", String.valueOf(a.name()),
                    Integer.toString(TEXT_LIMIT_MAX)));
        }
    }

    private static void style(Layer l, List<ValidationError> errors) {
        LayerStyle s = l.style();
        for (String c : new String[] {s.color(), s.strokeColor(), s.fillColor()}) {
            color(c, errors);
        }
        s.valueColors().values().forEach(c -> color(c, errors));
        if (!(s.strokeWidth() >= 0 && s.strokeWidth() <= 20) || !(s.fillOpacity() >= 0 && s.fillOpacity() <= 1)) {
            errors.add(new ValidationError("style", "gis.error.styleNumbers"));
        }
        if (s.icon() != null && !s.icon().isBlank() && !KEY.matcher(s.icon()).matches()) {
            errors.add(new ValidationError("style", "gis.error.icon"));
        }
        if (s.byAttribute() != null && l.attribute(s.byAttribute()).isEmpty()) {
            errors.add(new ValidationError("style", "gis.error.styleAttribute", s.byAttribute()));
        }
    }

    private static void color(String c, List<ValidationError> errors) {
        if (c != null && !COLOR.matcher(c).matches()) {
            errors.add(new ValidationError("style", "gis.error.color", c));
        }
    }

    private static void metadata(Layer l, List<ValidationError> errors) {
        var m = l.metadata();
        for (Map.Entry<String, String> e : Map.of("source", nz(m.source()), "licence", nz(m.licence()),
                "updateFrequency", nz(m.updateFrequency())).entrySet()) {
            int max = e.getKey().equals("source") ? 500 : LABEL_MAX;
            if (e.getValue().strip().length() > max) {
                errors.add(new ValidationError(e.getKey(), "gis.error.tooLongField", Integer.toString(max)));
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
