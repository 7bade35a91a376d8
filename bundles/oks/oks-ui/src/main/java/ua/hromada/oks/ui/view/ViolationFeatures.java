package ua.hromada.oks.ui.view;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import ua.hromada.oks.api.ViolationMap.Marker;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.map.MapFeature;

/**
 * Turns the service's map markers into what the shared map draws: a point coloured by its status
 * group (overdue ones ringed) with a popup of ID, date, type, status and the last action with its
 * code linking to the card, or a cluster the server aggregated. The popup's lines are written here,
 * in the reader's language; the browser only shows them.
 */
public final class ViolationFeatures {

    private ViolationFeatures() {
    }

    /**
     * @param text   translates a key with arguments (the view's getTranslation)
     * @param locale the reader's language, for the action's name
     */
    public static List<MapFeature> features(List<Marker> markers, BiFunction<String, Object[], String> text, ZoneId zone,
            Locale locale) {
        List<MapFeature> features = new ArrayList<>(markers.size());
        for (Marker m : markers) {
            MapFeature f = feature(m, text, zone, locale);
            if (f != null) {
                features.add(f);
            }
        }
        return features;
    }

    /** The feature of one case or cell; null for a single case without an id (nothing to open). */
    public static MapFeature feature(Marker p, BiFunction<String, Object[], String> text, ZoneId zone, Locale locale) {
        if (p.isCell()) {
            return MapFeature.cluster(p.latitude(), p.longitude(), p.count());
        }
        if (p.violationId() == null) {
            return null;
        }
        String id = Long.toString(p.violationId());
        List<String> lines = new ArrayList<>();
        if (p.createdAt() != null) {
            lines.add(text.apply("oks.ui.map.popupDate", new Object[] {DisplayFormats.dateTime(p.createdAt(), zone)}));
        }
        if (p.typeName() != null && !p.typeName().isBlank()) {
            lines.add(text.apply("oks.ui.map.popupType", new Object[] {p.typeName()}));
        }
        if (p.group() != null) {
            String status = text.apply(p.group().messageKey(), new Object[0]);
            lines.add(text.apply(p.overdue() ? "oks.ui.map.popupStatusOverdue" : "oks.ui.map.popupStatus",
                    new Object[] {status}));
        }
        if (p.lastAction() != null) {
            // «2-2 Направлено виконавцю · 03.12.2026», as the journal names the step
            String day = p.lastActionAt() == null ? "" : DisplayFormats.date(p.lastActionAt().atZone(zone).toLocalDate());
            lines.add(text.apply(day.isEmpty() ? "oks.ui.map.popupLastActionUndated" : "oks.ui.map.popupLastAction",
                    new Object[] {OksUi.status(p.lastAction(), locale), day}));
        }
        return MapFeature.point(id, p.latitude(), p.longitude(), StatusColors.of(p.group()),
                text.apply("oks.ui.map.popupTitle", new Object[] {id}), lines, OksUi.CARD_ROUTE + id, p.overdue());
    }
}
