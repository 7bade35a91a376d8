package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.ApplicantCabinet;
import ua.hromada.eservices.ui.appeals.CabinetSession;
import ua.hromada.eservices.ui.appeals.CabinetView;
import ua.hromada.eservices.ui.appeals.ClientAddress;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Public page {@code zvernennia/kabinet}: the applicant's appeals, opened by the e-mailed one-time link. */
@Component(service = ViewContribution.class)
@PortalView(route = EservicesUi.CABINET_ROUTE, title = "eservices.ui.appeal.menu.cabinet", section = EservicesUi.SECTION,
        icon = "vaadin:user-card", order = 51, open = true, menu = false, summary = "eservices.ui.appeal.menu.cabinetSummary",
        view = CabinetView.class)
public class CabinetContribution implements ViewContribution {

    @Reference
    private ApplicantCabinet cabinet;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new CabinetView(cabinet, settings.timeZone(), ClientAddress::current, CabinetSession.current());
    }
}
