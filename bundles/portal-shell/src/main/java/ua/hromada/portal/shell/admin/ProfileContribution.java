package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.shell.core.CurrentUserImpl;
import ua.hromada.portal.shell.ui.ProfileView;

/** The profile page: any signed-in user, reached from the user menu rather than the side menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class ProfileContribution implements ViewContribution {

    @Reference
    private UserAccounts accounts;
    @Reference
    private CurrentUserImpl currentUser;

    @Override
    public String route() {
        return ProfileView.ROUTE;
    }

    @Override
    public String titleKey() {
        return "user.profile";
    }

    @Override
    public String section() {
        return PortalPermissionSet.SECTION;
    }

    @Override
    public String requiredPermission() {
        return null;
    }

    @Override
    public boolean inMenu() {
        return false;
    }

    @Override
    public Class<? extends Component> viewClass() {
        return ProfileView.class;
    }

    @Override
    public Component createView() {
        return new ProfileView(accounts, currentUser.get().orElseThrow());
    }
}
