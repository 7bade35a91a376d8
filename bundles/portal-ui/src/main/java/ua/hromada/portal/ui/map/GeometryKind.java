package ua.hromada.portal.ui.map;

/** What a layer holds or what is drawn: for legends (the swatch) and the drawing tools. */
public enum GeometryKind {
    POINT, LINE, POLYGON,
    /** Mixed geometries: the legend shows a filled square. */
    ANY
}
