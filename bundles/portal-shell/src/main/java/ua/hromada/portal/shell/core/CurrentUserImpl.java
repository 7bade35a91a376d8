package ua.hromada.portal.shell.core;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.server.VaadinSession;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.UserAccounts;

/**
 * The signed-in user: kept in the Vaadin session for views; HTTP APIs find the same user through
 * the session cookie and get permissions resolved afresh (a revoked grant applies at once).
 * <p>
 * The session's copy is re-read from the database whenever an account or a role changed on this
 * node since it was read ({@link UserAccounts#securityChanges()}), and at least every
 * {@link #RECHECK} for changes made on another node: a revoked permission or a disabled account
 * holds no longer than the next navigation. A user the database no longer lets in (disabled,
 * removed) is signed out of the session.
 * <p>
 * Permissions are those of the user's roles in the current community (the host's); a copy read
 * in another community is read again, and a user who is no member there is signed out of it.
 */
@Component(service = { CurrentUser.class, CurrentUserImpl.class })
public class CurrentUserImpl implements CurrentUser {

    /** HTTP session attribute holding the signed-in username. */
    public static final String SESSION_USERNAME = "hromada.username";

    /** The longest a session's copy of its user goes unchecked (changes made on another node). */
    static final Duration RECHECK = Duration.ofSeconds(30);

    @Reference
    private UserAccounts accounts;
    @Reference
    private Communities communities;

    /** When and where the session's copy of its user was read: the change count, the clock and the community then. */
    record Stamp(long changes, long readAtNanos, String community) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Optional<PortalUser> get() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return Optional.empty();
        }
        PortalUser user = session.getAttribute(PortalUser.class);
        if (user == null || !session.hasLock()) {
            return Optional.ofNullable(user);
        }
        return Optional.ofNullable(current(session, user));
    }

    /** The session's user as the database has it now; null (and signed out) when it may not be signed in. */
    private PortalUser current(VaadinSession session, PortalUser user) {
        long changes = accounts.securityChanges();
        long now = System.nanoTime();
        Stamp stamp = session.getAttribute(Stamp.class);
        String community = communities.current().id();
        if (stamp != null && stamp.changes() == changes && now - stamp.readAtNanos() < RECHECK.toNanos()
                && community.equals(stamp.community())) {
            return user;
        }
        Optional<PortalUser> fresh = accounts.portalUser(user.username());
        if (fresh.isEmpty()) {
            signOut(session);
            return null;
        }
        session.setAttribute(PortalUser.class, fresh.get());
        session.setAttribute(Stamp.class, new Stamp(changes, now, community));
        return fresh.get();
    }

    /** Ends the sign-in of the session: its next navigation leads to the login form. */
    public void signOut(VaadinSession session) {
        session.setAttribute(PortalUser.class, null);
        session.setAttribute(Stamp.class, null);
        session.getSession().removeAttribute(SESSION_USERNAME);
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
        session.setAttribute(Stamp.class, new Stamp(accounts.securityChanges(), System.nanoTime(),
                communities.current().id()));
        session.setAttribute(PortalUser.class, user);
        session.getSession().setAttribute(SESSION_USERNAME, user.username());
    }

    /** Refreshes the session's copy after the user's roles or name changed. */
    public void refresh(VaadinSession session) {
        PortalUser user = session.getAttribute(PortalUser.class);
        if (user != null) {
            session.setAttribute(Stamp.class, null);
            current(session, user);
        }
    }
}
