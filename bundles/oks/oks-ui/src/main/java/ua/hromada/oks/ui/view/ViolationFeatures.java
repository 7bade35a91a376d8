package ua.hromada.oks.ui.view;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import ua.hromada.oks.api.Violations.MapPoint;
import ua.hromada.portal.api.map.MapFeature;

/**
 * Turns the service's map points into what the shared map draws: a point coloured by its status
 * group (overdue ones ringed) with a popup of ID, date, type and status linking to the card, or a
 * cluster the server aggregated.
 */
public final class ViolationFeatures {

    private ViolationFeatures() {
    }

    /**
     * @param text translates a key with arguments (the view's getTranslation)
     */
    public static List<MapFeature> features(List<MapPoint> points, BiFunction<String, Object[], String> text, ZoneId zone) {
        List<MapFeature> features = new ArrayList<>(points.size());
        for (MapPoint p : points) {
            MapFeature f = feature(p, text, zone);
            if (f != null) {
                features.add(f);
            }
        }
        return features;
    }

    /** The feature of one point or cluster; null for a single point without an id (nothing to open). */
    public static MapFeature feature(MapPoint p, BiFunction<String, Object[], String> text, ZoneId zone) {
        if (p.count() > 1) {
            return MapFeature.cluster(p.latitude(), p.longitude(), p.count());
        }
        if (p.violationId() == null) {
            return null;
        }
        String id = Long.toString(p.violationId());
        List<String> lines = new ArrayList<>();
        if (p.createdAt() != null) {
            lines.add(text.apply("oks.ui.map.popupDate", new Object[] {OksUi.dateTime(p.createdAt(), zone)}));
        }
        if (p.typeName() != null && !p.typeName().isBlank()) {
            lines.add(text.apply("oks.ui.map.popupType", new Object[] {p.typeName()}));
        }
        if (p.group() != null) {
            String status = text.apply(p.group().messageKey(), new Object[0]);
            lines.add(text.apply(p.overdue() ? "oks.ui.map.popupStatusOverdue" : "oks.ui.map.popupStatus",
                    new Object[] {status}));
        }
        return MapFeature.point(id, p.latitude(), p.longitude(), StatusColors.of(p.group()),
                text.apply("oks.ui.map.popupTitle", new Object[] {id}), lines, OksUi.CARD_ROUTE + id, p.overdue());
    }
}
