package ua.hromada.crm.ui.applicants;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.Applicants;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Detail page {@code tsnap/zaiavnyky/:id} (not in the menu; {@code nova} registers one): an applicant's form. */
@Component(service = ViewContribution.class)
@PortalView(route = ApplicantsUi.APPLICANT_ROUTE, title = "crm.applicant.ui.menu.one", section = CrmUi.SECTION,
        menu = false, permission = CrmUi.STAFF, view = ApplicantView.class)
public class ApplicantContribution implements ViewContribution {

    @Reference
    private Applicants applicants;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ApplicantView(applicants, currentUser.get().orElse(null));
    }
}
