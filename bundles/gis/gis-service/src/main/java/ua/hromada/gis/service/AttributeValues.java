package ua.hromada.gis.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.ValidationError;

/**
 * An object's attribute values checked against its layer's schema and brought to their types
 * (TEXT and CHOICE String, NUMBER BigDecimal, DATE LocalDate), and their form in the jsonb column
 * (numbers as JSON numbers, dates as ISO text). Uniqueness needs the database: the store checks it.
 */
final class AttributeValues {
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("d.M.uuuu");

    /** The typed values (schema order, only those with a value) and the errors found. */
    record Checked(Map<String, Object> values, List<ValidationError> errors) {
    }

    private AttributeValues() {
    }

    static Checked check(Layer layer, Map<String, Object> input) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<ValidationError> errors = new ArrayList<>();
        for (String name : input.keySet()) {
            if (layer.attribute(name).isEmpty()) {
                errors.add(new ValidationError(name, "gis.error.unknownAttribute", name));
            }
        }
        for (AttributeDefinition a : layer.attributes()) {
            Object raw = input.get(a.name());
            if (raw == null || raw instanceof String s && s.isBlank()) {
                if (a.required()) {
                    errors.add(new ValidationError(a.name(), "gis.error.required", a.label()));
                }
                continue;
            }
            try {
                values.put(a.name(), typed(a, raw));
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationError(a.name(), e.getMessage(), a.label(), limitOrChoices(a)));
            }
        }
        return new Checked(values, errors);
    }

    private static String limitOrChoices(AttributeDefinition a) {
        return switch (a.type()) {
            case TEXT -> Integer.toString(a.textLimit());
            case CHOICE -> String.join(", ", a.choices());
            default -> "";
        };
    }

    /** The value as its type; an IllegalArgumentException's message is the error's key. */
    static Object value(AttributeDefinition a, Object raw) {
        return typed(a, raw);
    }

    private static Object typed(AttributeDefinition a, Object raw) {
        switch (a.type()) {
            case TEXT -> {
                String text = String.valueOf(raw).strip();
                if (text.length() > a.textLimit()) {
                    throw new IllegalArgumentException("gis.error.tooLong");
                }
                return text;
            }
            case NUMBER -> {
                return number(raw);
            }
            case DATE -> {
                return date(raw);
            }
            case CHOICE -> {
                String text = String.valueOf(raw).strip();
                for (String choice : a.choices()) {
                    // an import's "Місцевого значення" is the list's "місцевого значення"
                    if (choice.equalsIgnoreCase(text)) {
                        return choice;
                    }
                }
                throw new IllegalArgumentException("gis.error.choice");
            }
            default -> throw new IllegalStateException(a.type().name());
        }
    }

    private static BigDecimal number(Object raw) {
        if (raw instanceof BigDecimal d) {
            return canonical(d);
        }
        if (raw instanceof Number n) {
            if (n instanceof Double || n instanceof Float) {
                double v = n.doubleValue();
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("gis.error.number");
                }
            }
            return canonical(new BigDecimal(n.toString()));
        }
        String text = String.valueOf(raw).strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        try {
            return canonical(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gis.error.number");
        }
    }

    /** One text per value ("12.50" and "12.5" the same), so unique values compare as text. */
    private static BigDecimal canonical(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static LocalDate date(Object raw) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        String text = String.valueOf(raw).strip();
        try {
            return text.contains(".") ? LocalDate.parse(text, DOTTED) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("gis.error.date");
        }
    }

    /** The values for the jsonb column. */
    static String json(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof LocalDate d ? d.toString() : v));
        return Json.write(out);
    }

    /**
     * The stored values typed by the layer's schema, in its order; values of attributes removed
     * from the schema since are left out unless {@code keepUnknown} (history shows what was there).
     */
    static Map<String, Object> fromJson(Layer layer, String json, boolean keepUnknown) {
        if (json == null) {
            return null;
        }
        Map<String, Object> stored = Json.readObject(json);
        Map<String, Object> out = new LinkedHashMap<>();
        for (AttributeDefinition a : layer.attributes()) {
            Object v = stored.remove(a.name());
            if (v != null) {
                out.put(a.name(), fromStored(a, v));
            }
        }
        if (keepUnknown) {
            stored.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    private static Object fromStored(AttributeDefinition a, Object v) {
        try {
            return switch (a.type()) {
                case NUMBER -> v instanceof BigDecimal ? v : number(v);
                case DATE -> LocalDate.parse(String.valueOf(v));
                default -> String.valueOf(v);
            };
        } catch (RuntimeException e) {
            // a value stored under an earlier type of the attribute: shown as it was stored
            return String.valueOf(v);
        }
    }

    /** The value's text as unique values compare it (the store's lower(btrim(attributes->>name))). */
    static String uniqueKey(Object value) {
        String text = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
