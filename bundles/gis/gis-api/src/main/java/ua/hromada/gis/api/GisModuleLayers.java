package ua.hromada.gis.api;

import java.util.List;
import java.util.Locale;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.LegendEntry;
import ua.hromada.portal.api.map.MapFeature;

/**
 * The layers other modules publish as {@link ua.hromada.portal.api.map.MapLayerProvider} services
 * (e.g. OKS's {@code oks.violations}), offered among the GIS layers while the providing bundle runs
 * and gone when it stops. Each is shown only to users holding the provider's required permission
 * (any signed-in user when it names none; never the public).
 */
@org.osgi.annotation.versioning.ProviderType
public interface GisModuleLayers {

    /** The layers the user may see now, ordered by id. */
    List<ModuleLayer> layers(PortalUser user, Locale locale);

    /**
     * The layer's features in the area, as its module computes them (points or clusters).
     *
     * @throws GisException NOT_FOUND when no such layer runs now or the user may not see it
     */
    List<MapFeature> features(PortalUser user, String layerId, BoundingBox bbox, int zoom);

    /**
     * A module's layer.
     *
     * @param titleKey a key of the providing module's resource bundle
     * @param legend   labels in the asked language; empty for a one-colour layer
     */
    record ModuleLayer(String id, String titleKey, List<LegendEntry> legend) {
        public ModuleLayer {
            legend = List.copyOf(legend);
        }
    }
}
