package ua.hromada.gis.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.GisAttachments;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.ui.view.FeaturesView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code gis/objects}: the objects of a layer (list, form, history, deleted, export). */
@Component(service = ViewContribution.class)
@PortalView(route = "gis/objects", title = "gis.ui.menu.objects", section = GisPages.SECTION, icon = "vaadin:table",
        order = 10, permission = GisPages.READ, view = FeaturesView.class)
public class ObjectsContribution implements ViewContribution {

    @Reference
    private GisLayers layers;
    @Reference
    private GisFeatures features;
    @Reference
    private GisAttachments attachments;
    @Reference
    private GisExchange exchange;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new FeaturesView(layers, features, attachments, exchange, currentUser.get().orElse(null), settings.timeZone());
    }
}
