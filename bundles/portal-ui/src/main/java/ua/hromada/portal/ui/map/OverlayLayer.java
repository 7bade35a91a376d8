package ua.hromada.portal.ui.map;

/** A named layer over the base map: {@link VectorLayer} or {@link TileOverlay}. */
public sealed interface OverlayLayer permits VectorLayer, TileOverlay {

    String id();

    String title();

    boolean visible();

    double opacity();

    int zIndex();
}
