package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.shell.core.CurrentUserImpl;

@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class UsersContribution extends AdminContribution {

    @Reference
    private UserAccounts accounts;
    @Reference
    private Roles roles;
    @Reference
    private CurrentUserImpl currentUser;
    @Reference
    private ua.hromada.portal.shell.core.PortalSettingsImpl settings;

    public UsersContribution() {
        super("admin/users", "admin.users.title", "vaadin:users", 10, UsersView.class);
    }

    @Override
    public Component createView() {
        return new UsersView(accounts, roles, currentUser, settings.times());
    }
}
