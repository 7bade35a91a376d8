package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.ui.view.DatasetsView;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code opendata/datasets}: the registry of datasets with filters. */
@Component(service = ViewContribution.class)
@PortalView(route = "opendata/datasets", title = "opendata.ui.menu.datasets", section = OpendataUi.SECTION,
        icon = "vaadin:database", order = 10, permission = OpendataUi.READ_PERMISSION,
        view = DatasetsView.class)
public class DatasetsContribution implements ViewContribution {

    @Reference
    private DatasetRegistry registry;
    @Reference
    private RegistryActions actions;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new DatasetsView(registry, actions, currentUser.get().orElse(null));
    }
}
