package ua.hromada.gis.ui.view;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.router.QueryParameters;

import ua.hromada.portal.ui.map.MapViewState;

/**
 * The viewer's permalink: {@code gis/map?lat=…&lon=…&z=…&layers=gis.heritage,ext.dzk} (the shared
 * map's {@link MapViewState} parameters). Opening it restores the centre, the zoom and which layers
 * are shown; layers the reader cannot see (or that are gone) are left out.
 */
public final class ViewerPermalink {
    public static final String ROUTE = "gis/map";
    public static final String PRINT_ROUTE = "gis/map/print";

    private ViewerPermalink() {
    }

    /** The viewer's address for the view. */
    public static String location(MapViewState view) {
        return ROUTE + "?" + view.toQueryParameters().getQueryString();
    }

    /**
     * The view of an address, keeping only the layers the viewer has; empty when the address names
     * no valid view (then the viewer opens its default one).
     */
    public static Optional<MapViewState> parse(QueryParameters parameters, Set<String> known) {
        return MapViewState.fromQueryParameters(parameters).map(state -> new MapViewState(state.center(), state.zoom(),
                state.visibleLayers().stream().filter(known::contains).distinct().toList()));
    }

    /** The known layers the address's {@code layers} names (comma-separated), in its order; none when absent. */
    public static List<String> layers(QueryParameters parameters, Set<String> known) {
        return parameters.getParameters().getOrDefault(MapViewState.LAYERS, List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(known::contains).distinct()
                .toList();
    }
}
