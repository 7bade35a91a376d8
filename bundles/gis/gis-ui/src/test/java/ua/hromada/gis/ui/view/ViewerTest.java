package ua.hromada.gis.ui.view;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import ua.hromada.gis.service.GisModuleLayersImpl;
import ua.hromada.gis.service.GisTestSetup;
import ua.hromada.portal.api.map.MapSettings;

/**
 * What the viewer's tests share: the real services of a throw-away GIS database, the map settings,
 * a current UI, the viewer's services on the real ones and components found by id.
 */
abstract class ViewerTest {
    final GisTestSetup gis = new GisTestSetup();
    final MapSettings settings = new TestMapSettings();
    // Vaadin holds the current UI weakly: without this field a garbage collection during a test
    // leaves UI.getCurrent() null (seen as an NPE in FeaturesView's export links)
    private final UI ui = new UI();

    ViewerTest() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void close() {
        UI.setCurrent(null);
        gis.close();
    }

    ViewerCatalog.Services services() {
        return new ViewerCatalog.Services(gis.layers(), gis.features(), gis.viewerService(), new GisModuleLayersImpl(),
                gis.externalLayers());
    }

    static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ViewerTest::all));
    }

    @SuppressWarnings("unchecked")
    static <T extends Component> Optional<T> find(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).map(c -> (T) c).findFirst();
    }

    static <T extends Component> T get(Component root, String id) {
        return ViewerTest.<T>find(root, id).orElseThrow(() -> new AssertionError("no component " + id));
    }
}
