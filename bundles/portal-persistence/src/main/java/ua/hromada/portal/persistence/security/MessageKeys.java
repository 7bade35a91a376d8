package ua.hromada.portal.persistence.security;

/** Resource-bundle keys (i18n/portal-core*.properties) carried by results and exceptions. */
public final class MessageKeys {
    /** The one answer to every refused sign-in (unknown user, wrong password, locked, disabled, throttled). */
    public static final String AUTH_FAILED = "portal.auth.failed";
    public static final String PASSWORD_CHANGE_EXPIRED = "portal.auth.passwordChangeExpired";
    /** The right password of an account that is no member of the host's community. */
    public static final String NOT_MEMBER = "portal.auth.notMember";

    public static final String USERNAME_INVALID = "portal.user.username.invalid";
    public static final String USERNAME_TAKEN = "portal.user.username.taken";
    public static final String USER_NOT_FOUND = "portal.user.notFound";
    public static final String DISPLAY_NAME_TOO_LONG = "portal.user.displayName.tooLong";
    public static final String EMAIL_INVALID = "portal.user.email.invalid";
    public static final String UNKNOWN_ROLE = "portal.user.role.unknown";
    public static final String LAST_ADMIN = "portal.user.lastAdmin";
    public static final String LAST_REGIONAL_ADMIN = "portal.user.lastRegionalAdmin";
    public static final String UNKNOWN_COMMUNITY = "portal.user.community.unknown";
    /** Only a regional administrator changes memberships of another community than the current one. */
    public static final String COMMUNITY_NOT_CURRENT = "portal.user.community.notCurrent";
    /** Only a regional administrator changes a regional administrator's account. */
    public static final String REGIONAL_PROTECTED = "portal.user.regionalProtected";
    /** Only a regional administrator gives or takes a role that makes a regional administrator. */
    public static final String ROLE_REGIONAL_ONLY = "portal.user.role.regionalOnly";

    public static final String PASSWORD_EMPTY = "portal.password.empty";
    public static final String PASSWORD_TOO_SHORT = "portal.password.tooShort";
    public static final String PASSWORD_TOO_LONG = "portal.password.tooLong";
    public static final String PASSWORD_SAME = "portal.password.same";
    public static final String PASSWORD_IS_USERNAME = "portal.password.isUsername";

    public static final String ROLE_NAME_INVALID = "portal.role.name.invalid";
    public static final String ROLE_NAME_TAKEN = "portal.role.name.taken";
    public static final String ROLE_DESCRIPTION_TOO_LONG = "portal.role.description.tooLong";
    public static final String ROLE_PERMISSION_INVALID = "portal.role.permission.invalid";
    public static final String ROLE_NOT_FOUND = "portal.role.notFound";
    public static final String ROLE_IN_USE = "portal.role.inUse";
    public static final String ROLE_ADMIN_PROTECTED = "portal.role.adminProtected";
    public static final String ROLE_REGIONAL_PROTECTED = "portal.role.regionalProtected";
    /** Only a regional administrator grants, or changes a role granting, the communities permission. */
    public static final String ROLE_REGIONAL_PERMISSION = "portal.role.regionalPermission";

    private MessageKeys() {
    }
}
