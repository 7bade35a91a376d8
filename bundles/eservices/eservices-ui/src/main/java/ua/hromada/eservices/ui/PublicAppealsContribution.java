package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.PublicAppeals;
import ua.hromada.eservices.ui.appeals.PublicAppealsView;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Public page {@code zvernennia/publichni}: public appeals and the council's answers, without personal data. */
@Component(service = ViewContribution.class)
@PortalView(route = EservicesUi.PUBLIC_APPEALS_ROUTE, title = "eservices.ui.appeal.menu.public",
        section = EservicesUi.SECTION, icon = "vaadin:comments-o", order = 52, open = true, menu = false,
        summary = "eservices.ui.appeal.menu.publicSummary", view = PublicAppealsView.class)
public class PublicAppealsContribution implements ViewContribution {

    @Reference
    private PublicAppeals appeals;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PublicAppealsView(appeals, settings.timeZone());
    }
}
