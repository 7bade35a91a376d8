package ua.hromada.gis.exchange.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;

import org.locationtech.jts.geom.Geometry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the writers share: a feature's geometry as JTS, values and coordinates as text, the bundle's labels. */
final class ExportValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportValues() {
    }

    /** The feature's geometry, null when it has none. */
    static Geometry geometry(String geoJson) {
        if (geoJson == null || geoJson.isBlank()) {
            return null;
        }
        try {
            return GeoJsonGeometry.read(JSON.readTree(geoJson));
        } catch (JsonProcessingException | RowProblem e) {
            throw new IllegalArgumentException("not a GeoJSON geometry: " + geoJson, e);
        }
    }

    /** A value as text: numbers without exponent or trailing zeros, dates as ISO 8601, null as "". */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? number(d) : "";
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }

    /** A coordinate or number in plain notation ("0.00001", never "1.0E-5"): KML and CSV readers expect it. */
    static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A text of the bundle's messages in the default language (Ukrainian) for file contents. */
    static String label(String key) {
        return ResourceBundle.getBundle("i18n.gis-exchange", Locale.ROOT, ExportValues.class.getClassLoader()).getString(key);
    }
}
