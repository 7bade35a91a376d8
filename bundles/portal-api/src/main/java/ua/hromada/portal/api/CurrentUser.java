package ua.hromada.portal.api;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/** Offered by the shell: who is signed in, for views (Vaadin session) and HTTP APIs. */
@org.osgi.annotation.versioning.ProviderType
public interface CurrentUser {

    /** The user of the current Vaadin session, if any (call from a UI thread). */
    Optional<PortalUser> get();

    /** The user behind an HTTP request (same session cookie as the portal), if any. */
    Optional<PortalUser> fromRequest(HttpServletRequest request);

    default boolean hasPermission(String permission) {
        return get().map(u -> u.hasPermission(permission)).orElse(false);
    }
}
