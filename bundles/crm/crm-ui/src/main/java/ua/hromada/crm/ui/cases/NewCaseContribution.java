package ua.hromada.crm.ui.cases;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.crm.api.Applicants;
import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.Routing;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Page {@code tsnap/spravy/nova} (reached from the list): the front desk registers a case. */
@Component(service = ViewContribution.class)
@PortalView(route = CasesUi.NEW_ROUTE, title = "crm.case.ui.menu.new", section = CasesUi.SECTION, menu = false,
        permission = CrmPermissions.ADMINISTRATOR, view = NewCaseView.class)
public class NewCaseContribution implements ViewContribution {

    @Reference
    private Cases cases;
    @Reference
    private ServiceCards cards;
    @Reference
    private Applicants applicants;
    @Reference
    private CurrentUser currentUser;
    /** Suggestions only when the routing is installed and trained. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Routing routing;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new NewCaseView(cases, cards, applicants, Optional.ofNullable(routing), currentUser.get().orElse(null));
    }
}
