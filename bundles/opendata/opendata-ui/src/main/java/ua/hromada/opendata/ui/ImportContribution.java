package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.RegistryTransfer;
import ua.hromada.opendata.ui.view.ImportView;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code opendata/import}: import with preview, and export of the registry (stewards only). */
@Component(service = ViewContribution.class)
@PortalView(route = "opendata/import", title = "opendata.ui.menu.import", section = OpendataUi.SECTION,
        icon = "vaadin:upload", order = 40, permission = OpendataPermissions.EDIT, view = ImportView.class)
public class ImportContribution implements ViewContribution {

    @Reference
    private RegistryTransfer transfer;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ImportView(transfer, currentUser.get().orElse(null));
    }
}
