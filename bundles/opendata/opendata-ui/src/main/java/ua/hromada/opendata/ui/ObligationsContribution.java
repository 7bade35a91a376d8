package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.ui.view.ObligationsView;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code opendata/obligations}: the national list of datasets local councils must publish. */
@Component(service = ViewContribution.class)
@PortalView(route = "opendata/obligations", title = "opendata.ui.menu.obligations",
        section = OpendataUi.SECTION, icon = "vaadin:list-ol", order = 30,
        permission = OpendataUi.READ_PERMISSION, view = ObligationsView.class)
public class ObligationsContribution implements ViewContribution {

    @Reference
    private DatasetRegistry registry;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ObligationsView(registry, currentUser.get().orElse(null));
    }
}
