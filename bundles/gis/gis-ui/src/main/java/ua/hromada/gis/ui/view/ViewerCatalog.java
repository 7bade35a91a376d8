package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisExternalLayers;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.GisModuleLayers;
import ua.hromada.gis.api.GisModuleLayers.ModuleLayer;
import ua.hromada.gis.api.GisViewer;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.map.LayerFeatures;
import ua.hromada.portal.ui.map.PortalMap;
import ua.hromada.portal.ui.map.TileOverlay;
import ua.hromada.portal.ui.map.VectorLayer;

/**
 * Every layer one reader may see, read once when a viewer or print page opens: the registry's
 * folders, the external layers, the layers of other modules running now; and how each is put on
 * the shared map with its data asked from the services per window.
 */
public final class ViewerCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ViewerCatalog.class);

    /** The services the viewer reads. */
    public record Services(GisLayers layers, GisFeatures features, GisViewer viewer, GisModuleLayers moduleLayers,
            GisExternalLayers externalLayers) {
    }

    /** Another module's layer with its title in the reader's language. */
    public record Module(ModuleLayer layer, String title) {
    }

    private final Services services;
    private final PortalUser user;
    private final List<ViewerLayers.Folder> folders;
    private final List<Module> modules;
    private final Map<String, Layer> registry = new LinkedHashMap<>();
    private final Map<String, ExternalLayer> externals = new LinkedHashMap<>();

    /** {@code translate}: a module's title key in the reader's language. */
    public ViewerCatalog(Services services, PortalUser user, Locale locale, Function<String, String> translate) {
        this.services = services;
        this.user = user;
        List<Layer> layers = services.layers().layers(user);
        List<ExternalLayer> external = services.externalLayers().layers(user);
        this.folders = ViewerLayers.tree(services.layers().groups(user), layers, external);
        layers.forEach(l -> registry.put(ViewerLayers.id(l), l));
        external.forEach(l -> externals.put(ViewerLayers.id(l), l));
        List<Module> found = new ArrayList<>();
        for (ModuleLayer m : services.moduleLayers().layers(user, locale)) {
            found.add(new Module(m, translate.apply(m.titleKey())));
        }
        this.modules = List.copyOf(found);
    }

    public List<ViewerLayers.Folder> folders() {
        return folders;
    }

    public List<Module> modules() {
        return modules;
    }

    public boolean isEmpty() {
        return registry.isEmpty() && externals.isEmpty() && modules.isEmpty();
    }

    public Optional<Layer> registryLayer(String mapId) {
        return Optional.ofNullable(registry.get(mapId));
    }

    public List<Layer> registryLayers() {
        return List.copyOf(registry.values());
    }

    public Optional<Module> module(String mapId) {
        return modules.stream().filter(m -> ViewerLayers.id(m.layer()).equals(mapId)).findFirst();
    }

    public Optional<ExternalLayer> external(String mapId) {
        return Optional.ofNullable(externals.get(mapId));
    }

    /**
     * Puts every layer on the map: registry layers and modules' layers shown, external layers hidden
     * (their images come from other servers; the reader turns them on). A registry layer with a
     * filter in {@code filters} draws only the objects that pass.
     */
    public void addTo(PortalMap map, Function<String, LayerFilter> filters) {
        for (ViewerLayers.Folder folder : folders) {
            for (ExternalLayer e : folder.externals()) {
                try {
                    map.addLayer(ViewerLayers.tiles(e));
                } catch (IllegalArgumentException ex) {
                    // a registry entry the map cannot draw (e.g. a linked {-y} template): left out, said in the tree
                    LOG.warn("External layer {} cannot be drawn: {}", e.key(), ex.getMessage());
                }
            }
        }
        for (ViewerLayers.Folder folder : folders) {
            for (Layer layer : folder.layers()) {
                map.addLayer(ViewerLayers.vector(layer), (bbox, zoom) -> features(layer, filters.apply(layer.key()), bbox, zoom));
            }
        }
        for (Module m : modules) {
            String id = m.layer().id();
            map.addLayer(VectorLayer.of(ViewerLayers.id(m.layer()), m.title(), null, ua.hromada.portal.ui.map.GeometryKind.POINT)
                    .withZIndex(ViewerLayers.MODULE_Z), (bbox, zoom) -> {
                        try {
                            return LayerFeatures.of(services.moduleLayers().features(user, id, bbox, zoom));
                        } catch (GisException e) {
                            return new LayerFeatures(); // the module stopped since the page opened
                        }
                    });
        }
    }

    /** Whether the map could draw the external layer. */
    public static boolean drawable(PortalMap map, ExternalLayer layer) {
        return map.getLayer(ViewerLayers.id(layer)).filter(TileOverlay.class::isInstance).isPresent();
    }

    private LayerFeatures features(Layer layer, LayerFilter filter, ua.hromada.portal.api.map.BoundingBox bbox, int zoom) {
        try {
            if (filter == null) {
                return ViewerSources.of(layer, services.viewer().view(user, layer.id(), bbox, zoom));
            }
            return ViewerSources.add(new LayerFeatures(), layer,
                    services.features().query(user, filter.query(layer.id(), bbox)).items());
        } catch (GisException e) {
            return new LayerFeatures(); // the layer went away or out of the reader's sight
        }
    }
}
