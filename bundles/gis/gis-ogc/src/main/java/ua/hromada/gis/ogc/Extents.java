package ua.hromada.gis.ogc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.Page;

/**
 * The extents of the collections, computed from the objects (the GIS API offers no aggregate, so
 * every object of the layer is read once, a page of {@value FeatureQuery#MAX_LIMIT} at a time) and
 * kept per community and layer while the layer's version and number of objects stay the same, at
 * most {@link #MAX_AGE}: an object moved without any other change shows in the extent within that time.
 */
final class Extents {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record Held(long layerVersion, long total, Instant at, Extent extent) {
    }

    private final GisFeatures features;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    Extents(GisFeatures features, Clock clock) {
        this.features = features;
        this.clock = clock;
    }

    /** The layer's extent; {@code dateAttribute} is its temporal attribute or null. */
    Extent of(String community, Layer layer, Optional<AttributeDefinition> dateAttribute) {
        String key = community + "/" + layer.id();
        long total = features.queryPublic(FeatureQuery.all(layer.id()).page(0, 1)).total();
        Instant now = clock.instant();
        Held h = held.get(key);
        if (h != null && h.layerVersion() == layer.version() && h.total() == total
                && h.at().plus(MAX_AGE).isAfter(now)) {
            return h.extent();
        }
        Extent extent = new Extent();
        String date = dateAttribute.map(AttributeDefinition::name).orElse(null);
        Page<GisFeature> page;
        int offset = 0;
        do {
            page = features.queryPublic(FeatureQuery.all(layer.id()).page(offset, FeatureQuery.MAX_LIMIT));
            for (GisFeature f : page.items()) {
                extent.addGeometry(f.geometry());
                if (date != null && f.attributes().get(date) instanceof LocalDate d) {
                    extent.addDate(d);
                }
            }
            offset += page.items().size();
        } while (page.hasNext() && !page.items().isEmpty());
        held.put(key, new Held(layer.version(), total, now, extent));
        return extent;
    }
}
