package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.ui.view.OksUi;
import ua.hromada.oks.ui.view.ViolationCardView;
import ua.hromada.oks.ui.view.ViolationPlaces;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.map.MapSettings;

/**
 * Detail page {@code oks/violation/:id} (not in the menu). The printable documents are optional:
 * without the documents bundle the card simply has no "Попередження"/"Протокол" buttons.
 */
@Component(service = ViewContribution.class)
@PortalView(route = "oks/violation/:id", title = "oks.ui.menu.card", section = OksPages.SECTION, menu = false,
        permission = OksUi.READ, view = ViolationCardView.class)
public class ViolationCardContribution implements ViewContribution {

    @Reference
    private Violations violations;
    @Reference
    private OksCatalog catalog;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ViolationDocuments documents;
    /** The GIS's polygons around the point (gis module running), else nothing on the card. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ViolationPlaces places;
    @Reference
    private MapSettings mapSettings;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private OksUiSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ViolationCardView(violations, catalog, documents, places, mapSettings, currentUser.get().orElse(null),
                settings.zone());
    }
}
