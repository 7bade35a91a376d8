package ua.hromada.oks.adminui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.adminui.documents.TemplatesView;
import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** {@code oks/admin/templates}: the texts of the warning and the protocol. */
@Component(service = ViewContribution.class)
@PortalView(route = TemplatesView.ROUTE, title = "oks.adminui.menu.templates", section = OksAdminPages.SECTION,
        icon = "vaadin:file-text-o", order = 85, permission = OksPermissions.ADMINISTER, view = TemplatesView.class)
public class TemplatesContribution implements ViewContribution {

    @Reference
    private DocumentRegister register;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new TemplatesView(register, currentUser);
    }
}
