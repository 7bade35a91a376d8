package ua.hromada.oks.service;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.ViolationMap;
import ua.hromada.oks.api.ViolationMap.Marker;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.MapFeature;
import ua.hromada.portal.api.map.MapLayerProvider;

/**
 * The current violations as a map layer for other modules (a GIS module shows it among its
 * layers); readers need the management permission, as on the OKS map. The portal's layers take
 * no filter, so the layer is the OKS map without one: every current case through the same
 * {@link ViolationMap}, its popup the same facts (date, type, the last action with its code).
 */
@Component(service = MapLayerProvider.class)
public class ViolationsMapLayer implements MapLayerProvider {
    /** The layer reads as management does: every current violation, no personal data. */
    private static final PortalUser READER = new PortalUser(0, "oks-map-layer", "OKS map layer", Set.of(),
            Set.of(OksPermissions.VIEW));

    private final ViolationMap map;
    private final PortalSettings portal;

    @Activate
    public ViolationsMapLayer(@Reference ViolationMap map, @Reference PortalSettings portal) {
        this.map = map;
        this.portal = portal;
    }

    @Override
    public String layerId() {
        return "oks.violations";
    }

    @Override
    public String titleKey() {
        return "oks.layer.violations";
    }

    @Override
    public String requiredPermission() {
        return OksPermissions.VIEW;
    }

    @Override
    public List<MapFeature> features(BoundingBox bbox, int zoom) {
        return map.markers(READER, ViolationQuery.current(), bbox, zoom).stream()
                .map(p -> feature(p, portal.timeZone())).toList();
    }

    /**
     * The layer knows no reader's language: the catalogue's names as stored (Ukrainian), as the
     * printed documents use them.
     *
     * @param zone the community's time zone: dates as people there count days
     */
    static MapFeature feature(Marker p, ZoneId zone) {
        if (p.isCell()) {
            return MapFeature.cluster(p.latitude(), p.longitude(), p.count());
        }
        List<String> lines = new ArrayList<>();
        lines.add(DisplayFormats.DATE.format(p.createdAt().atZone(zone)));
        lines.add(p.typeName());
        if (p.lastAction() != null) {
            lines.add(lastAction(p, zone));
        }
        return MapFeature.point(Long.toString(p.violationId()), p.latitude(), p.longitude(),
                p.group() == null ? null : p.group().color(), "ID " + p.violationId(), lines,
                "oks/violation/" + p.violationId(), p.overdue());
    }

    /** «2-2 Направлено виконавцю · 03.12.2026»: the journal's code and name, and the step's day. */
    static String lastAction(Marker p, ZoneId zone) {
        String text = p.lastAction().displayCode() + " " + p.lastAction().name();
        return p.lastActionAt() == null ? text : text + " · " + DisplayFormats.DATE.format(p.lastActionAt().atZone(zone));
    }
}
