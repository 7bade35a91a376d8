package ua.hromada.portal.ui.map;

/** How the points of an overlay layer are drawn. */
public enum MarkerShape {
    CIRCLE, SQUARE, TRIANGLE, STAR, PIN
}
