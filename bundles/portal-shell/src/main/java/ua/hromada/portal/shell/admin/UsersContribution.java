package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.shell.core.CurrentUserImpl;
import ua.hromada.portal.shell.core.PortalSettingsImpl;

/** Admin page {@code admin/users}: accounts and their roles. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@PortalView(route = "admin/users", title = "admin.users.title", section = AdminPages.SECTION, icon = "vaadin:users",
        order = 10, permission = AdminPages.PERMISSION, view = UsersView.class)
public class UsersContribution implements ViewContribution {

    @Reference
    private UserAccounts accounts;
    @Reference
    private Roles roles;
    @Reference
    private CurrentUserImpl currentUser;
    @Reference
    private PortalSettingsImpl settings;
    @Reference
    private Communities communities;

    @Override
    public Component createView() {
        // held only by a regional administrator (portal.admin implies it in hasPermission, not here)
        boolean regional = currentUser.get().map(u -> u.permissions().contains(Roles.COMMUNITIES_PERMISSION))
                .orElse(false);
        return new UsersView(accounts, roles, currentUser, settings.times(), communities, regional);
    }
}
