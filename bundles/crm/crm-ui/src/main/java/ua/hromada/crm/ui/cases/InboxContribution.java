package ua.hromada.crm.ui.cases;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.CaseExport;
import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code tsnap/bekofis}: the back office's inbox, the cases handed over to the user's roles. */
@Component(service = ViewContribution.class)
@PortalView(route = CasesUi.INBOX_ROUTE, title = "crm.case.ui.menu.inbox", section = CasesUi.SECTION,
        icon = "vaadin:inbox", order = 35, permission = CrmPermissions.BACK_OFFICE, view = InboxView.class)
public class InboxContribution implements ViewContribution {

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
        return new InboxView(cases, export, cards, currentUser.get().orElse(null), settings);
    }
}
