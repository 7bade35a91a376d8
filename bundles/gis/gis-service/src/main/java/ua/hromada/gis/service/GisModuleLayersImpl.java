package ua.hromada.gis.service;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisModuleLayers;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.MapFeature;
import ua.hromada.portal.api.map.MapLayerProvider;

/**
 * Tracks every {@link MapLayerProvider} service: bound when a module's bundle starts, unbound when
 * it stops, so its layer comes and goes without restarting GIS.
 */
@Component(service = GisModuleLayers.class)
public class GisModuleLayersImpl implements GisModuleLayers {
    private final List<MapLayerProvider> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindProvider(MapLayerProvider provider) {
        providers.add(provider);
    }

    void unbindProvider(MapLayerProvider provider) {
        providers.remove(provider);
    }

    @Override
    public List<ModuleLayer> layers(PortalUser user, Locale locale) {
        return providers.stream().filter(p -> sees(user, p)).sorted(Comparator.comparing(MapLayerProvider::layerId))
                .map(p -> new ModuleLayer(p.layerId(), p.titleKey(), p.legend(locale))).toList();
    }

    @Override
    public List<MapFeature> features(PortalUser user, String layerId, BoundingBox bbox, int zoom) {
        MapLayerProvider provider = providers.stream().filter(p -> p.layerId().equals(layerId) && sees(user, p))
                .findFirst().orElseThrow(() -> new GisException(Reason.NOT_FOUND, "gis.error.layerNotFound"));
        return provider.features(bbox, zoom);
    }

    /** Module layers are for signed-in users; a named permission narrows them further. */
    private static boolean sees(PortalUser user, MapLayerProvider p) {
        return user != null && (p.requiredPermission() == null || user.hasPermission(p.requiredPermission()));
    }
}
