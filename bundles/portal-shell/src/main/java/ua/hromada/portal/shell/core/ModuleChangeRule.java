package ua.hromada.portal.shell.core;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.Roles;

/**
 * Who may start, stop, install and uninstall modules. A module is installed once for the whole
 * portal, so in a portal serving several communities a change is the regional administrator's
 * ({@link Roles#COMMUNITIES_PERMISSION}): one community's administrator would otherwise change
 * every other community's portal. With the default community only, its administrator
 * ({@link PortalUser#ADMIN_PERMISSION}) may, as before regional hosting. The user is the
 * signed-in one of the running UI; work with no user (a job, a thread of a module) may not.
 */
@Component(service = ModuleChangeRule.class)
public class ModuleChangeRule {

    /** Refusal in a portal of several communities. */
    static final String REGIONAL_ONLY = "modules.error.regionalOnly";
    /** Refusal in a single-community portal. */
    static final String ADMIN_ONLY = "modules.error.adminOnly";

    @Reference
    private CurrentUser currentUser;
    @Reference
    private Communities communities;

    public ModuleChangeRule() {
        // DS
    }

    ModuleChangeRule(CurrentUser currentUser, Communities communities) {
        this.currentUser = currentUser;
        this.communities = communities;
    }

    /** The message key of why the signed-in user may not change modules now; empty when they may. */
    public Optional<String> refusal() {
        return refusal(currentUser.get(), communities.all().size());
    }

    /** Throws {@link ModuleRightsException} unless the signed-in user may change modules now. */
    public void require() {
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            throw new ModuleRightsException(refusal.get());
        }
    }

    /**
     * The rule itself. {@link PortalUser#hasPermission} is not asked for the regional permission:
     * it answers yes to every holder of {@code portal.admin}, a community's administrator included.
     */
    static Optional<String> refusal(Optional<PortalUser> user, int communityCount) {
        boolean regional = user.map(u -> u.permissions().contains(Roles.COMMUNITIES_PERMISSION)).orElse(false);
        if (communityCount > 1) {
            return regional ? Optional.empty() : Optional.of(REGIONAL_ONLY);
        }
        boolean admin = user.map(u -> u.permissions().contains(PortalUser.ADMIN_PERMISSION)).orElse(false);
        return admin || regional ? Optional.empty() : Optional.of(ADMIN_ONLY);
    }
}
