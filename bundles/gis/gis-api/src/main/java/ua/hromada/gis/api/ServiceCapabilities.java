package ua.hromada.gis.api;

import java.util.List;

import ua.hromada.portal.api.map.BoundingBox;

/**
 * What a WMS or WMTS GetCapabilities document offers.
 *
 * @param version the document's version, e.g. 1.3.0
 * @param tileMatrixSets the WMTS tile matrix sets (identifier and CRS); empty for WMS
 */
public record ServiceCapabilities(ExternalLayerKind kind, String version, String title, List<Entry> layers,
        List<TileMatrixSet> tileMatrixSets) {

    public ServiceCapabilities {
        layers = List.copyOf(layers);
        tileMatrixSets = List.copyOf(tileMatrixSets);
    }

    /**
     * A layer of the service. WMS layers without a name (groups only) are not listed.
     *
     * @param crs  the coordinate systems it is served in (inherited ones included for WMS)
     * @param bbox its extent in WGS 84, or null when the document gives none
     * @param formats the WMTS image formats; empty for WMS (the service-wide formats apply)
     * @param tileMatrixSets the WMTS tile matrix sets the layer links; empty for WMS
     */
    public record Entry(String name, String title, String abstractText, List<String> crs, BoundingBox bbox,
            List<String> styles, List<String> formats, List<String> tileMatrixSets) {
        public Entry {
            crs = List.copyOf(crs);
            styles = List.copyOf(styles);
            formats = List.copyOf(formats);
            tileMatrixSets = List.copyOf(tileMatrixSets);
        }
    }

    public record TileMatrixSet(String identifier, String crs) {
    }
}
