package ua.hromada.gis.ogc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What a layer's objects cover: the WGS 84 box of their geometries and the first and last value of
 * the layer's date attribute (null when none has one). Grown object by object.
 */
final class Extent {

    private static final JsonFactory FACTORY = new JsonFactory();

    private double west = Double.POSITIVE_INFINITY;
    private double south = Double.POSITIVE_INFINITY;
    private double east = Double.NEGATIVE_INFINITY;
    private double north = Double.NEGATIVE_INFINITY;
    private LocalDate first;
    private LocalDate last;

    boolean hasBox() {
        return west <= east;
    }

    /** west, south, east, north. */
    double[] box() {
        return new double[] { west, south, east, north };
    }

    LocalDate first() {
        return first;
    }

    LocalDate last() {
        return last;
    }

    void addDate(LocalDate date) {
        if (date != null) {
            first = first == null || date.isBefore(first) ? date : first;
            last = last == null || date.isAfter(last) ? date : last;
        }
    }

    /**
     * Adds every position of a GeoJSON geometry: each array whose first two members are numbers
     * (any geometry type, collections included).
     */
    void addGeometry(String geoJson) {
        try (JsonParser p = FACTORY.createParser(geoJson)) {
            int index = -1; // position in the innermost array; -1 outside arrays of numbers
            double x = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    index = 0;
                } else if (t == JsonToken.END_ARRAY || t == JsonToken.START_OBJECT) {
                    index = -1;
                } else if (t.isNumeric() && index >= 0) {
                    if (index == 0) {
                        x = p.getDoubleValue();
                    } else if (index == 1) {
                        add(x, p.getDoubleValue());
                    }
                    index++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(double x, double y) {
        west = Math.min(west, x);
        east = Math.max(east, x);
        south = Math.min(south, y);
        north = Math.max(north, y);
    }
}
