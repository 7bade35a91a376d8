package ua.hromada.portal.api;

import java.util.List;

/** The permissions one module declares; the roles admin view offers them for granting. */
public interface PermissionSet {

    /** Module key, e.g. {@code oks}; also the menu section key. */
    String module();

    List<Permission> permissions();
}
