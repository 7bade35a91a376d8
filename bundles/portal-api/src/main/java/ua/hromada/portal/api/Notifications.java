package ua.hromada.portal.api;

/** Offered by the shell: shows a message in the open portal pages of a user (by push). */
@org.osgi.annotation.versioning.ProviderType
public interface Notifications {

    /** Delivers to every open UI of the user; returns how many UIs received it. */
    int notifyUser(String username, String message);

    /** Delivers to every open UI whose user holds the permission. */
    int notifyPermission(String permission, String message);
}
