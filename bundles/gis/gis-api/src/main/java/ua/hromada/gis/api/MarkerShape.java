package ua.hromada.gis.api;

/** How a point is drawn when the layer has no icon. */
public enum MarkerShape {
    CIRCLE, SQUARE, TRIANGLE, STAR, PIN
}
