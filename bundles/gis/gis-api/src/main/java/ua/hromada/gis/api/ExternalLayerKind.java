package ua.hromada.gis.api;

/** The kind of an external tile/image service. */
public enum ExternalLayerKind {
    /** OGC Web Map Service: images of the named layers per view (1.3.0 or 1.1.1). */
    WMS,
    /** OGC Web Map Tile Service 1.0.0: cached tiles of one layer in a tile matrix set. */
    WMTS,
    /** A plain {z}/{x}/{y} tile URL template. */
    XYZ
}
