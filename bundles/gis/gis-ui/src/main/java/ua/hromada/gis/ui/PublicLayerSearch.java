package ua.hromada.gis.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.ui.view.PublicMapView;
import ua.hromada.portal.api.PublicSearchProvider;
import ua.hromada.portal.api.SearchProvider.SearchHit;

/**
 * The community's public layers in the public home page's search: a layer whose title, key or
 * data source holds every word; a hit opens the public map with that layer shown
 * ({@code karta?layers=gis.<key>}). Only what the public map shows: never an employees' layer.
 */
@Component(service = PublicSearchProvider.class)
public class PublicLayerSearch implements PublicSearchProvider {

    private static final Locale UK = Locale.forLanguageTag("uk");
    private final GisLayers layers;

    @Activate
    public PublicLayerSearch(@Reference GisLayers layers) {
        this.layers = layers;
    }

    @Override
    public String titleKey() {
        return "gis.ui.public.search";
    }

    @Override
    public int order() {
        return GisPages.PUBLIC_ORDER;
    }

    @Override
    public List<SearchHit> search(String query, int limit, Locale locale) {
        List<String> words = query == null ? List.of()
                : Arrays.stream(query.toLowerCase(UK).split("\\s+")).filter(w -> !w.isBlank()).toList();
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        // in the order of the public map's tree: group position, then title
        for (Layer layer : layers.publicLayers()) {
            String text = String.join(" ", Stream.of(layer.title(), layer.key(), layer.metadata().source())
                    .filter(v -> v != null).toList()).toLowerCase(UK);
            if (words.stream().allMatch(text::contains)) {
                hits.add(new SearchHit(layer.title(), layer.metadata().source(), PublicMapView.layerRoute(layer)));
                if (hits.size() == limit) {
                    break;
                }
            }
        }
        return hits;
    }
}
