package ua.hromada.gis.api;

/** What one entry of an object's history did. */
public enum ChangeAction {
    CREATE, UPDATE, DELETE,
    /** An earlier state put back (also of a deleted object). */
    RESTORE
}
