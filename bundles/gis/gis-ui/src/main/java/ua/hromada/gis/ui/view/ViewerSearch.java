package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.PortalUser;

/**
 * The viewer's search over the layers the reader sees: by attribute text (the service's word search
 * over TEXT and CHOICE values) or by address text (the same search, kept to the objects whose
 * address attribute holds every word).
 */
public final class ViewerSearch {
    /** Hits per layer: a search names objects to look at, it does not list a layer. */
    public static final int PER_LAYER = 20;

    /** One object found. */
    public record Hit(Layer layer, GisFeature feature) {
    }

    private ViewerSearch() {
    }

    /** A layer's address attribute: a TEXT attribute named {@code address} or labelled «Адреса…» / «Address…». */
    public static Optional<AttributeDefinition> addressAttribute(Layer layer) {
        Optional<AttributeDefinition> named = layer.attribute("address").filter(a -> a.type() == AttributeType.TEXT);
        if (named.isPresent()) {
            return named;
        }
        return layer.attributes().stream().filter(a -> a.type() == AttributeType.TEXT && a.label() != null)
                .filter(a -> {
                    String l = a.label().strip().toLowerCase(Locale.ROOT);
                    return l.startsWith("адрес") || l.startsWith("address");
                }).findFirst();
    }

    /**
     * The objects matching the text in each layer (first {@link #PER_LAYER} each); layers the service
     * refuses (gone, no longer visible) are left out. Blank text finds nothing.
     */
    public static List<Hit> search(GisFeatures features, PortalUser user, List<Layer> layers, String text, boolean byAddress) {
        String words = text == null ? "" : text.strip();
        List<Hit> hits = new ArrayList<>();
        if (words.isEmpty()) {
            return hits;
        }
        for (Layer layer : layers) {
            Optional<AttributeDefinition> address = addressAttribute(layer);
            if (byAddress && address.isEmpty()) {
                continue;
            }
            try {
                // by address the word search may also meet other attributes: ask more, keep the address's
                int limit = byAddress ? PER_LAYER * 10 : PER_LAYER;
                for (GisFeature f : features.query(user, FeatureQuery.all(layer.id()).matching(words).page(0, limit)).items()) {
                    if (!byAddress || containsWords(f.attributes().get(address.get().name()), words)) {
                        hits.add(new Hit(layer, f));
                    }
                    if (hits.stream().filter(h -> h.layer() == layer).count() >= PER_LAYER) {
                        break;
                    }
                }
            } catch (GisException e) {
                // the layer went away or out of the reader's sight since the tree was built
            }
        }
        return hits;
    }

    /** Whether the value holds every word (case-insensitive, apostrophes of either kind alike). */
    static boolean containsWords(Object value, String words) {
        if (value == null) {
            return false;
        }
        String v = normal(String.valueOf(value));
        return Arrays.stream(normal(words).split("[\\s,]+")).filter(w -> !w.isEmpty()).allMatch(v::contains);
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace('’', '\'').replace('ʼ', '\'');
    }
}
