package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.ui.view.ManagerView;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Detail page {@code opendata/manager/:id} ("new" creates one): the manager, its obligations, score and datasets. */
@Component(service = ViewContribution.class)
@PortalView(route = "opendata/manager/:id", title = "opendata.ui.menu.manager", section = OpendataUi.SECTION,
        icon = "vaadin:institution", order = 21, menu = false, permission = OpendataUi.READ_PERMISSION,
        view = ManagerView.class)
public class ManagerContribution implements ViewContribution {

    @Reference
    private DatasetRegistry registry;
    @Reference
    private RegistryActions actions;
    /** Null while the audit bundle is absent: the page then shows no findings or scores. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OpendataAudit audit;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ManagerView(registry, actions, audit, currentUser.get().orElse(null));
    }
}
