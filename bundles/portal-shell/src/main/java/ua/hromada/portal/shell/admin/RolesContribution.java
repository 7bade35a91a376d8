package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.shell.core.CurrentUserImpl;
import ua.hromada.portal.shell.core.PermissionCatalog;
import ua.hromada.portal.shell.core.ShellMessages;

/** Admin page {@code admin/roles}: roles and the permissions they grant. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@PortalView(route = "admin/roles", title = "admin.roles.title", section = AdminPages.SECTION, icon = "vaadin:key",
        order = 20, permission = AdminPages.PERMISSION, view = RolesView.class)
public class RolesContribution implements ViewContribution {

    @Reference
    private Roles roles;
    @Reference
    private PermissionCatalog permissions;
    @Reference
    private CurrentUserImpl currentUser;
    @Reference
    private ShellMessages messages;

    @Override
    public Component createView() {
        java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
        return new RolesView(roles, permissions, currentUser, key -> messages.find(key, locale));
    }
}
