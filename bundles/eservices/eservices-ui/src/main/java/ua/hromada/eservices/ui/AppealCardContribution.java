package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.Appeals;
import ua.hromada.eservices.ui.appeals.AppealCardView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.map.MapSettings;

/** Detail page {@code eservices/appeal/:id} (not in the menu): an appeal's card with its steps and journal. */
@Component(service = ViewContribution.class)
@PortalView(route = EservicesUi.APPEAL_ROUTE, title = "eservices.ui.appeal.menu.card", section = EservicesUi.SECTION,
        menu = false, permission = EservicesUi.APPEALS, view = AppealCardView.class)
public class AppealCardContribution implements ViewContribution {

    @Reference
    private Appeals appeals;
    @Reference
    private MapSettings mapSettings;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new AppealCardView(appeals, mapSettings, currentUser.get().orElse(null), settings.timeZone());
    }
}
