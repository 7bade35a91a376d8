package ua.hromada.gis.ui.view;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ua.hromada.portal.api.map.GeoPoint;

/** The centre of a GeoJSON geometry's bounding box, where the viewer moves to show an object found. */
public final class GeometryCentre {
    /** An innermost position: [lon, lat] or [lon, lat, height]. */
    private static final Pattern POSITION = Pattern.compile(
            "\\[\\s*(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*(?:,\\s*-?[\\d.eE+-]+\\s*)?\\]");

    private GeometryCentre() {
    }

    /** Empty for text without positions or with a latitude outside ±90. */
    public static Optional<GeoPoint> of(String geometry) {
        if (geometry == null) {
            return Optional.empty();
        }
        Matcher m = POSITION.matcher(geometry);
        double west = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        boolean any = false;
        while (m.find()) {
            double lon = Double.parseDouble(m.group(1));
            double lat = Double.parseDouble(m.group(2));
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
                return Optional.empty();
            }
            west = Math.min(west, lon);
            east = Math.max(east, lon);
            south = Math.min(south, lat);
            north = Math.max(north, lat);
            any = true;
        }
        return any ? Optional.of(new GeoPoint((south + north) / 2, (west + east) / 2)) : Optional.empty();
    }
}
