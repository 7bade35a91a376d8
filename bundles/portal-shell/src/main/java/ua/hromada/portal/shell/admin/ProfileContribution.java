package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.shell.core.CurrentUserImpl;
import ua.hromada.portal.shell.ui.ProfileView;

/** The profile page: any signed-in user, reached from the user menu rather than the side menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@PortalView(route = ProfileView.ROUTE, title = "user.profile", section = AdminPages.SECTION, menu = false,
        view = ProfileView.class)
public class ProfileContribution implements ViewContribution {

    @Reference
    private UserAccounts accounts;
    @Reference
    private CurrentUserImpl currentUser;

    @Override
    public Component createView() {
        return new ProfileView(accounts, currentUser.get().orElseThrow());
    }
}
