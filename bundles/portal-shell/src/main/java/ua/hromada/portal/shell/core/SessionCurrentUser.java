package ua.hromada.portal.shell.core;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.server.VaadinSession;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.UserAccounts;

/**
 * The signed-in user: kept in the Vaadin session for views; HTTP APIs find the same user through
 * the session cookie and get permissions resolved afresh (a revoked grant applies at once).
 */
@Component(service = { CurrentUser.class, SessionCurrentUser.class })
public class SessionCurrentUser implements CurrentUser {

    /** HTTP session attribute holding the signed-in username. */
    public static final String SESSION_USERNAME = "hromada.username";

    @Reference
    private UserAccounts accounts;

    @Override
    public Optional<PortalUser> get() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.getAttribute(PortalUser.class));
    }

    @Override
    public Optional<PortalUser> fromRequest(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object username = session.getAttribute(SESSION_USERNAME);
        if (!(username instanceof String name)) {
            return Optional.empty();
        }
        return accounts.portalUser(name);
    }

    /** Called by the login view after a successful sign-in. */
    public void signIn(VaadinSession session, PortalUser user) {
        session.setAttribute(PortalUser.class, user);
        session.getSession().setAttribute(SESSION_USERNAME, user.username());
    }

    /** Refreshes the session's copy after the user's roles or name changed. */
    public void refresh(VaadinSession session) {
        PortalUser user = session.getAttribute(PortalUser.class);
        if (user != null) {
            accounts.portalUser(user.username()).ifPresent(u -> session.setAttribute(PortalUser.class, u));
        }
    }
}
