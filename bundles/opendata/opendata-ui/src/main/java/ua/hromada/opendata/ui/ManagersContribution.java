package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.ui.view.ManagersView;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code opendata/managers}: the data managers (розпорядники). */
@Component(service = ViewContribution.class)
@PortalView(route = "opendata/managers", title = "opendata.ui.menu.managers", section = OpendataUi.SECTION,
        icon = "vaadin:institution", order = 20, permission = OpendataUi.READ_PERMISSION,
        view = ManagersView.class)
public class ManagersContribution implements ViewContribution {

    @Reference
    private DatasetRegistry registry;
    /** Null while the audit bundle is absent: the page then shows no findings or scores. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OpendataAudit audit;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ManagersView(registry, audit, currentUser.get().orElse(null));
    }
}
