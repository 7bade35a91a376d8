package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ua.hromada.opendata.api.PolicyDocuments;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.opendata.ui.view.PolicyView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.legal.LegalActLookup;

/** Menu entry {@code opendata/policy}: the acts shown as «Політика та документи» on the public open-data page. */
@Component(service = ViewContribution.class)
@PortalView(route = PolicyView.ROUTE, title = "opendata.ui.menu.policy", section = OpendataUi.SECTION,
        icon = "vaadin:book", order = 35, permission = OpendataUi.READ_PERMISSION, view = PolicyView.class)
public class PolicyContribution implements ViewContribution {

    @Reference
    private PolicyDocuments policy;
    @Reference
    private CurrentUser currentUser;
    /** Document search's acts, while that module is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LegalActLookup acts;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PolicyView(policy, currentUser.get().orElse(null), acts);
    }
}
