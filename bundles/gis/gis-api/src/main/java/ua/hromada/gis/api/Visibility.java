package ua.hromada.gis.api;

/** Who sees a layer. */
public enum Visibility {
    /** Employees with a GIS permission. */
    EMPLOYEES,
    /** Everyone: the public map, OGC API – Features, open data. */
    PUBLIC
}
