package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisModuleLayers.ModuleLayer;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.LegendEntry;
import ua.hromada.portal.api.map.MapFeature;
import ua.hromada.portal.api.map.MapGrid;
import ua.hromada.portal.api.map.MapLayerProvider;

/**
 * Layers of other modules come and go with their providers (bound and unbound as DS does when the
 * providing bundle starts and stops), each seen only with its permission.
 */
class GisModuleLayersTest {
    private static final BoundingBox CITY = new BoundingBox(49.50, 34.40, 49.70, 34.70);
    private static final PortalUser INSPECTOR = GisTestSetup.user(1, "inspector", Set.of(), "oks.view");
    private static final PortalUser CLERK = GisTestSetup.user(2, "clerk", Set.of());

    @Test
    void providersAppearWhileBoundAndDisappearWhenUnbound() {
        GisModuleLayersImpl layers = new GisModuleLayersImpl();
        Points violations = new Points("oks.violations", "oks.layer.violations", "oks.view",
                List.of(new double[] {49.59, 34.55}, new double[] {49.60, 34.56}, new double[] {50.45, 30.52}));
        Points stops = new Points("transport.stops", "transport.layer.stops", null,
                List.of(new double[] {49.58, 34.54}));

        assertEquals(List.of(), layers.layers(INSPECTOR, Locale.ROOT));
        layers.bindProvider(violations);
        layers.bindProvider(stops);
        assertEquals(List.of("oks.violations", "transport.stops"), ids(layers.layers(INSPECTOR, Locale.ROOT)));
        assertEquals(List.of("Відкриті", "Open"), List.of(layers.layers(INSPECTOR, new Locale("uk")).get(0).legend().get(0).label(),
                layers.layers(INSPECTOR, Locale.ENGLISH).get(0).legend().get(0).label()));
        assertEquals("oks.layer.violations", layers.layers(INSPECTOR, Locale.ROOT).get(0).titleKey());
        // permissions: the clerk lacks oks.view, the public sees no module layer
        assertEquals(List.of("transport.stops"), ids(layers.layers(CLERK, Locale.ROOT)));
        assertEquals(List.of(), layers.layers(null, Locale.ROOT));
        assertEquals(2, layers.features(INSPECTOR, "oks.violations", CITY, MapGrid.POINTS_FROM_ZOOM).size());
        assertThrows(GisException.class, () -> layers.features(CLERK, "oks.violations", CITY, 17));

        layers.unbindProvider(violations); // OKS stopped
        assertEquals(List.of("transport.stops"), ids(layers.layers(INSPECTOR, Locale.ROOT)));
        GisException gone = assertThrows(GisException.class, () -> layers.features(INSPECTOR, "oks.violations", CITY, 17));
        assertEquals("gis.error.layerNotFound", gone.messageKey());
        assertEquals(1, layers.features(INSPECTOR, "transport.stops", CITY, 17).size());

        layers.bindProvider(violations); // started again
        assertEquals(List.of("oks.violations", "transport.stops"), ids(layers.layers(INSPECTOR, Locale.ROOT)));
    }

    private static List<String> ids(List<ModuleLayer> layers) {
        return layers.stream().map(ModuleLayer::id).toList();
    }

    /** A module's layer of fixed points, clustered on the portal's grid as a module's own would be. */
    private record Points(String layerId, String titleKey, String requiredPermission, List<double[]> points)
            implements MapLayerProvider {
        @Override
        public List<MapFeature> features(BoundingBox bbox, int zoom) {
            return MapGrid.aggregate(points, bbox, zoom, p -> p[0], p -> p[1],
                    p -> MapFeature.point(p[0] + "," + p[1], p[0], p[1], "#1565c0", "", List.of(), null, false));
        }

        @Override
        public List<LegendEntry> legend(Locale locale) {
            return List.of(new LegendEntry("#1565c0", "en".equals(locale.getLanguage()) ? "Open" : "Відкриті"));
        }
    }
}
