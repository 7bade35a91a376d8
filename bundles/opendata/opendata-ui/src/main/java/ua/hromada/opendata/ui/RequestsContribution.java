package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.DataRequests;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.opendata.ui.view.RequestsView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/**
 * Menu entry {@code opendata/requests}: official requests to data managers. Registered only while
 * the audit bundle's services run.
 */
@Component(service = ViewContribution.class)
@PortalView(route = "opendata/requests", title = "opendata.ui.menu.requests", section = OpendataUi.SECTION,
        icon = "vaadin:envelope-o", order = 70, permission = OpendataUi.READ_PERMISSION,
        view = RequestsView.class)
public class RequestsContribution implements ViewContribution {

    @Reference
    private DatasetRegistry registry;
    @Reference
    private OpendataAudit audit;
    @Reference
    private DataRequests requests;
    @Reference
    private PortalSettings settings;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new RequestsView(registry, audit, requests, currentUser.get().orElse(null), settings);
    }
}
