package ua.hromada.portal.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Offered by the core: roles and their permission grants. */
public interface Roles {

    List<RoleDefinition> list();

    Optional<RoleDefinition> find(String name);

    /** Creates or replaces a role's description and grants. */
    RoleDefinition save(String name, String description, Set<String> permissions, String actor);

    /** Refused with {@link AccountException} while users hold the role or for the admin role. */
    void delete(String name, String actor);

    record RoleDefinition(String name, String description, Set<String> permissions) {
    }
}
