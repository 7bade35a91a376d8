package ua.hromada.crm.ui.cases;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.crm.api.CasePrintouts;
import ua.hromada.crm.api.Cases;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Detail page {@code tsnap/sprava/:id} (not in the menu): a case's card, its steps, printouts and journal. */
@Component(service = ViewContribution.class)
@PortalView(route = CasesUi.CASE_ROUTE, title = "crm.case.ui.menu.card", section = CasesUi.SECTION, menu = false,
        permission = CasesUi.ANY, view = CaseCardView.class)
public class CaseCardContribution implements ViewContribution {

    @Reference
    private Cases cases;
    @Reference
    private CasePrintouts printouts;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;
    /** The verification's findings panel, when that part of the UI registers one. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CaseCardExtras extras;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new CaseCardView(cases, printouts, currentUser.get().orElse(null), settings, Optional.ofNullable(extras));
    }
}
