package ua.hromada.crm.ui.cases;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.CaseExport;
import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code tsnap/spravy}: the cases the user may see, filtered, with CSV and XLSX export. */
@Component(service = ViewContribution.class)
@PortalView(route = CasesUi.LIST_ROUTE, title = "crm.case.ui.menu.list", section = CasesUi.SECTION,
        icon = "vaadin:folder-open-o", order = 30, permission = CasesUi.ANY, view = CaseListView.class)
public class CaseListContribution implements ViewContribution {

    @Reference
    private Cases cases;
    @Reference
    private CaseExport export;
    @Reference
    private ServiceCards cards;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new CaseListView(cases, export, cards, currentUser.get().orElse(null), settings, false);
    }
}
