package ua.hromada.oks.ui.gis;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.GisSpatial;
import ua.hromada.oks.ui.view.ViolationPlaces;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.HromadaModule;

/**
 * The violation card's places from the GIS module's spatial service: the polygons of the layers the
 * user may see that contain the point. Alone in its package, the one place of this bundle that
 * touches the GIS API, which the bundle imports dynamically: the component is satisfied only while
 * a GisSpatial service exists, and OKS resolves and runs without the GIS module.
 */
// waits for the GIS module on purpose: OKS counts as running without it (the portal's module state)
@Component(service = ViolationPlaces.class, property = HromadaModule.WAITS_FOR_OTHER_MODULE + "=true")
public class GisViolationPlaces implements ViolationPlaces {
    private final GisSpatial spatial;

    @Activate
    public GisViolationPlaces(@Reference GisSpatial spatial) {
        this.spatial = spatial;
    }

    @Override
    public List<Place> at(PortalUser user, GeoPoint point) {
        return spatial.containing(user, point).stream().map(c -> new Place(c.layerTitle(), c.title())).toList();
    }
}
