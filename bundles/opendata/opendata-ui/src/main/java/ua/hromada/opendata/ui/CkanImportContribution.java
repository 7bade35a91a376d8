package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.CkanImport;
import ua.hromada.opendata.api.CkanPublish;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.ui.view.CkanImportView;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.jobs.Jobs;

/** Menu entry {@code opendata/ckan}: import of an organisation's datasets from a CKAN portal and publication back to it (stewards only). */
@Component(service = ViewContribution.class)
@PortalView(route = "opendata/ckan", title = "opendata.ui.menu.ckan", section = OpendataUi.SECTION,
        icon = "vaadin:cloud-download", order = 45, permission = OpendataPermissions.EDIT, view = CkanImportView.class)
public class CkanImportContribution implements ViewContribution {

    @Reference
    private CkanImport ckan;
    @Reference
    private CkanPublish publish;
    /** The portal's reading and the commit run as this bundle's jobs. */
    @Reference
    private Jobs jobs;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new CkanImportView(ckan, publish, jobs, currentUser.get().orElse(null));
    }
}
