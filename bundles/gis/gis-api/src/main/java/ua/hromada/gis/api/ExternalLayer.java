package ua.hromada.gis.api;

import java.util.List;

/**
 * A layer of a state geoportal or an agency's service shown on the community's maps.
 *
 * @param url        the service's address (WMS/WMTS) or the XYZ template with {z}, {x}, {y}; http or https
 * @param layerNames the service's layer names (WMS: one or more; WMTS: exactly one; XYZ: none)
 * @param format     image format, e.g. image/png (WMS/WMTS)
 * @param style      the service's style name; null = its default
 * @param tileMatrixSet the WMTS tile matrix set (required for WMTS), null otherwise
 * @param opacity    0..1
 * @param groupId    the layer-tree group, or null
 * @param proxied    true: the portal fetches the images for the browser (bundle gis-proxy at
 *                   {@value #PROXY_PATH}{key}/…); false: the browser asks the service itself (linked)
 */
public record ExternalLayer(long id, String key, ExternalLayerKind kind, String title, String url,
        List<String> layerNames, String format, String style, String tileMatrixSet, String attribution,
        double opacity, Long groupId, Visibility visibility, boolean proxied, long version) {

    public ExternalLayer {
        // a blank or missing name stays for the registry's check to name it (not a NullPointerException)
        layerNames = layerNames == null ? List.of()
                : layerNames.stream().map(n -> n == null ? "" : n).toList();
    }

    /** Where the portal proxies the images of proxied layers: followed by the layer's key. */
    public static final String PROXY_PATH = "/api/gis/proxy/";

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    /**
     * The address the map in the browser asks: for a proxied layer the portal's path (WMS: the
     * GetMap/GetLegendGraphic address {@code /api/gis/proxy/{key}/wms}; WMTS and XYZ: the tile
     * template {@code /api/gis/proxy/{key}/{z}/{x}/{y}}); for a linked one the service's own address
     * as registered (a WMTS service address still needs its GetTile parameters).
     */
    public String clientUrl() {
        if (!proxied) {
            return url;
        }
        return PROXY_PATH + key + (kind == ExternalLayerKind.WMS ? "/wms" : "/{z}/{x}/{y}");
    }
}
