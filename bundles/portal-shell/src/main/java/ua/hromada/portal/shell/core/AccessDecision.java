package ua.hromada.portal.shell.core;

import ua.hromada.portal.api.PortalUser;

/** What the shell does with a navigation, decided before any view is created. */
public enum AccessDecision {
    ALLOW, LOGIN, FORBIDDEN;

    /**
     * @param publicTarget       the target needs no sign-in (login page, error pages)
     * @param requiredPermission permission of the target's contribution, null for any user
     * @param user               the signed-in user or null
     */
    public static AccessDecision decide(boolean publicTarget, String requiredPermission, PortalUser user) {
        if (publicTarget) {
            return ALLOW;
        }
        if (user == null) {
            return LOGIN;
        }
        return user.hasPermission(requiredPermission) ? ALLOW : FORBIDDEN;
    }
}
