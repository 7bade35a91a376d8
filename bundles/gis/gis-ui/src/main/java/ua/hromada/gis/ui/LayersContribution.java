package ua.hromada.gis.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.GisPermissions;
import ua.hromada.gis.ui.view.LayerRegistryView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.security.Roles;

/** Menu entry {@code gis/layers}: the layer registry (groups, layers, styles, attribute schemas). */
@Component(service = ViewContribution.class)
@PortalView(route = "gis/layers", title = "gis.ui.menu.layers", section = GisPages.SECTION, icon = "vaadin:stack",
        order = 30, permission = GisPermissions.ADMINISTER, view = LayerRegistryView.class)
public class LayersContribution implements ViewContribution {

    @Reference
    private GisLayers layers;
    @Reference
    private CurrentUser currentUser;
    /** The portal's roles, offered as owner units; without the service the unit is typed in. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Roles roles;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new LayerRegistryView(layers, roles, currentUser.get().orElse(null));
    }
}
