package ua.hromada.gis.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.ui.view.PublicMapView;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/**
 * Public page {@code karta}: residents see the community's public layers without signing in; a
 * public entry (a tile of the public home page).
 */
@Component(service = ViewContribution.class)
@PortalView(route = PublicMapView.ROUTE, title = "gis.ui.menu.public", section = GisPages.SECTION,
        icon = "vaadin:globe", order = GisPages.PUBLIC_ORDER, open = true, summary = "gis.ui.public.summary",
        view = PublicMapView.class)
public class PublicMapContribution implements ViewContribution {

    @Reference
    private ViewerServices services;
    @Reference
    private GisExchange exchange;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PublicMapView(services.services(), services.mapSettings(), exchange);
    }
}
