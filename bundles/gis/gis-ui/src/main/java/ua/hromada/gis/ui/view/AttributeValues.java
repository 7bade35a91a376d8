package ua.hromada.gis.ui.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ua.hromada.gis.api.AttributeType;

/**
 * Between an attribute's stored value and its form field's value: TEXT and CHOICE a String,
 * NUMBER a Double in a NumberField, DATE a LocalDate in a DatePicker. The service checks the
 * values; this only carries them.
 */
public final class AttributeValues {
    private static final Pattern POINT = Pattern.compile(
            "\\{\\s*\"type\"\\s*:\\s*\"Point\"\\s*,\\s*\"coordinates\"\\s*:\\s*\\[\\s*(-?[0-9.eE+-]+)\\s*,\\s*(-?[0-9.eE+-]+)");

    private AttributeValues() {
    }

    /** The value a field shows for a stored value (null = empty field). */
    public static Object toField(AttributeType type, Object stored) {
        if (stored == null) {
            return null;
        }
        return switch (type) {
            case NUMBER -> stored instanceof Number n ? n.doubleValue() : parseDouble(String.valueOf(stored));
            case DATE -> stored instanceof LocalDate d ? d : parseDate(String.valueOf(stored));
            case TEXT, CHOICE -> String.valueOf(stored);
        };
    }

    /** The value to send for a field's value (blank text and empty fields = no value). */
    public static Object fromField(AttributeType type, Object fieldValue) {
        if (fieldValue == null || fieldValue instanceof String s && s.isBlank()) {
            return null;
        }
        if (type == AttributeType.NUMBER && fieldValue instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros();
        }
        return fieldValue instanceof String s ? s.strip() : fieldValue;
    }

    /** A value as a grid cell shows it: dates as 31.05.2024, numbers without trailing zeros. */
    public static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate d) {
            return String.format(Locale.ROOT, "%02d.%02d.%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** GeoJSON of a point in WGS 84. */
    public static String point(double lon, double lat) {
        return "{\"type\":\"Point\",\"coordinates\":[" + BigDecimal.valueOf(lon).toPlainString() + ","
                + BigDecimal.valueOf(lat).toPlainString() + "]}";
    }

    /** Longitude and latitude of a GeoJSON point, or null for any other geometry. */
    public static double[] lonLat(String geometry) {
        Matcher m = geometry == null ? null : POINT.matcher(geometry);
        if (m == null || !m.find()) {
            return null;
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    /** The "value = colour" parts of a per-value style (separated by «;»), in order; parts without "=" are skipped. */
    public static Map<String, String> valueColors(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("[;\\n]")) {
            int eq = line.lastIndexOf('=');
            if (eq > 0 && !line.substring(0, eq).isBlank() && !line.substring(eq + 1).isBlank()) {
                out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    public static String valueColorsText(Map<String, String> colors) {
        StringBuilder sb = new StringBuilder();
        colors.forEach((v, c) -> sb.append(sb.isEmpty() ? "" : "; ").append(v).append(" = ").append(c));
        return sb.toString();
    }

    private static Double parseDouble(String s) {
        try {
            return Double.valueOf(s.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
