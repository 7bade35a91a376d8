package ua.hromada.oks.service;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.Violations.MapPoint;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.MapFeature;
import ua.hromada.portal.api.map.MapLayerProvider;

/**
 * The current violations as a map layer for other modules (a GIS module shows it among its
 * layers); readers need the management permission, as on the OKS map.
 */
@Component(service = MapLayerProvider.class)
public class ViolationsMapLayer implements MapLayerProvider {
    /** The layer reads as management does: every current violation, no personal data. */
    private static final PortalUser READER = new PortalUser(0, "oks-map-layer", "OKS map layer", Set.of(),
            Set.of(OksPermissions.VIEW));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Violations violations;
    private final PortalSettings portal;

    @Activate
    public ViolationsMapLayer(@Reference Violations violations, @Reference PortalSettings portal) {
        this.violations = violations;
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
        return violations.mapPoints(READER, bbox.south(), bbox.west(), bbox.north(), bbox.east(), zoom).stream()
                .map(p -> feature(p, portal.timeZone())).toList();
    }

    /** @param zone the community's time zone: the registration date as people there count days */
    static MapFeature feature(MapPoint p, ZoneId zone) {
        if (p.count() > 1) {
            return MapFeature.cluster(p.latitude(), p.longitude(), p.count());
        }
        return MapFeature.point(Long.toString(p.violationId()), p.latitude(), p.longitude(), p.group().color(),
                "ID " + p.violationId(), List.of(DATE.format(p.createdAt().atZone(zone)), p.typeName()),
                "oks/violation/" + p.violationId(), p.overdue());
    }
}
