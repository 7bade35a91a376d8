package ua.hromada.crm.ui.applicants;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.Applicants;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code tsnap/zaiavnyky}: the centre's applicants, searched and paged. */
@Component(service = ViewContribution.class)
@PortalView(route = ApplicantsUi.LIST_ROUTE, title = "crm.applicant.ui.menu", section = CrmUi.SECTION,
        icon = "vaadin:users", order = 15, permission = CrmUi.STAFF, view = ApplicantsView.class)
public class ApplicantsContribution implements ViewContribution {

    @Reference
    private Applicants applicants;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ApplicantsView(applicants, currentUser.get().orElse(null));
    }
}
