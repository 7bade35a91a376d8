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

    /** Null or blank means "any signed-in user". */
    public boolean hasPermission(String permission) {
        return permission == null || permission.isBlank() || permissions.contains(permission)
                || permissions.contains(ADMIN_PERMISSION);
    }
}
