package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.shell.core.CurrentUserImpl;
import ua.hromada.portal.shell.core.PermissionCatalog;

@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class RolesContribution extends AdminContribution {

    @Reference
    private Roles roles;
    @Reference
    private PermissionCatalog permissions;
    @Reference
    private CurrentUserImpl currentUser;
    @Reference
    private ua.hromada.portal.shell.core.ShellMessages messages;

    public RolesContribution() {
        super("admin/roles", "admin.roles.title", "vaadin:key", 20, RolesView.class);
    }

    @Override
    public Component createView() {
        java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
        return new RolesView(roles, permissions, currentUser, key -> messages.find(key, locale));
    }
}
