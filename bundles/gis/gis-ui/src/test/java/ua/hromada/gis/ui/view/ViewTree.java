package ua.hromada.gis.ui.view;

import java.util.Optional;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;

import ua.hromada.gis.service.GisModuleLayersImpl;
import ua.hromada.gis.service.GisTestSetup;

/** What the viewer's tests share: the viewer's services on the real ones, and components found by id. */
final class ViewTree {
    private ViewTree() {
    }

    static ViewerCatalog.Services services(GisTestSetup gis) {
        return new ViewerCatalog.Services(gis.layers(), gis.features(), gis.viewerService(), new GisModuleLayersImpl(),
                gis.externalLayers());
    }

    static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ViewTree::all));
    }

    @SuppressWarnings("unchecked")
    static <T extends Component> Optional<T> find(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).map(c -> (T) c).findFirst();
    }
}
