package ua.hromada.portal.api;

import java.io.Serializable;
import java.util.Set;

/** The signed-in employee as modules see it. */
public record PortalUser(long id, String username, String displayName, Set<String> roles,
        Set<String> permissions) implements Serializable {

    /** The administrator permission implies every other permission. */
    public static final String ADMIN_PERMISSION = "portal.admin";

    public PortalUser {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** Separates alternatives in a required permission: {@code "oks.view|oks.inspect"} = either. */
    public static final String ANY_OF = "|";

    /**
     * Null or blank means "any signed-in user"; {@code "a|b"} means any one of them (a module's
     * reading views open to each of its roles).
     */
    public boolean hasPermission(String permission) {
        if (permission == null || permission.isBlank() || permissions.contains(ADMIN_PERMISSION)) {
            return true;
        }
        if (!permission.contains(ANY_OF)) {
            return permissions.contains(permission);
        }
        for (String alternative : permission.split("\\|")) {
            String p = alternative.strip();
            if (!p.isEmpty() && permissions.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The required permission satisfied by any one of these. */
    public static String anyOf(String... alternatives) {
        return String.join(ANY_OF, alternatives);
    }
}
