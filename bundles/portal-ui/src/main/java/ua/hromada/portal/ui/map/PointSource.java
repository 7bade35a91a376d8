package ua.hromada.portal.ui.map;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.MapFeature;
import ua.hromada.portal.api.map.MapFeatureSource;

/**
 * The point features of a {@link PortalMap} ({@link PortalMap#setFeatureSource}) and what the
 * browser was last sent of them: clicks and "open" links must name one of those.
 */
final class PointSource {

    private static final Logger LOG = LoggerFactory.getLogger(PointSource.class);

    MapFeatureSource source;
    private Set<String> shownIds = Set.of();
    private Set<String> shownHrefs = Set.of();

    /** The features of the window as the browser's JSON array; "[]" without a source or when it fails. */
    String answer(BoundingBox box, int zoom) {
        MapFeatureSource current = source;
        if (current == null) {
            shownIds = Set.of();
            shownHrefs = Set.of();
            return "[]";
        }
        List<MapFeature> features;
        try {
            features = current.features(box, zoom);
        } catch (RuntimeException e) {
            LOG.error("Map feature source {} failed for {} at zoom {}", current.getClass().getName(), box.format(), zoom, e);
            features = List.of();
        }
        if (features.size() > PortalMap.MAX_FEATURES) {
            LOG.warn("Map feature source {} returned {} features for {} at zoom {}; drawing the first {} (cluster on the server)",
                    current.getClass().getName(), features.size(), box.format(), zoom, PortalMap.MAX_FEATURES);
            features = features.subList(0, PortalMap.MAX_FEATURES);
        }
        Set<String> ids = new HashSet<>();
        Set<String> hrefs = new HashSet<>();
        for (MapFeature f : features) {
            if (f.id() != null) {
                ids.add(f.id());
            }
            if (f.href() != null) {
                hrefs.add(f.href());
            }
        }
        shownIds = ids;
        shownHrefs = hrefs;
        return FeatureJson.features(features);
    }

    boolean shows(String id) {
        return id != null && shownIds.contains(id);
    }

    boolean showsHref(String href) {
        return href != null && shownHrefs.contains(href);
    }
}
