package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.AppealIntake;
import ua.hromada.eservices.api.AppealTopics;
import ua.hromada.eservices.ui.appeals.AppealFormView;
import ua.hromada.eservices.ui.appeals.ClientAddress;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.map.MapSettings;

/** Public page {@code zvernennia}: a resident sends an e-appeal without an account (a tile of the public home page). */
@Component(service = ViewContribution.class)
@PortalView(route = EservicesUi.APPEAL_FORM_ROUTE, title = "eservices.ui.appeal.menu.form", section = EservicesUi.SECTION,
        icon = "vaadin:envelope-open-o", order = 50, open = true, summary = "eservices.ui.appeal.menu.formSummary",
        view = AppealFormView.class)
public class AppealFormContribution implements ViewContribution {

    @Reference
    private AppealIntake intake;
    @Reference
    private AppealTopics topics;
    @Reference
    private MapSettings mapSettings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new AppealFormView(intake, topics, mapSettings, ClientAddress::current);
    }
}
