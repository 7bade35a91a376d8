package ua.hromada.portal.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Offered by the core: roles and their permission grants. */
@org.osgi.annotation.versioning.ProviderType
public interface Roles {

    /** The built-in role of every administrator of a community ({@code portal.admin}). */
    String ADMIN_ROLE = "admin";

    /**
     * The built-in role of a regional administrator: every permission in every community, and the
     * management of communities, their module sets and their administrators.
     */
    String REGIONAL_ADMIN_ROLE = "regional-admin";

    /**
     * The permission to manage communities (add one, its host names, module set, settings and
     * administrators). Whoever holds it, in any community, is a regional administrator.
     */
    String COMMUNITIES_PERMISSION = "portal.communities.manage";

    List<RoleDefinition> list();

    Optional<RoleDefinition> find(String name);

    /**
     * Creates or replaces a role's description and grants, whatever was there (console and
     * set-up code). Forms use {@link #create} and {@link #update}.
     */
    RoleDefinition save(String name, String description, Set<String> permissions, String actor);

    /** A new role: refused with {@link AccountException} when a role of that name exists. */
    RoleDefinition create(String name, String description, Set<String> permissions, String actor);

    /**
     * Changes an existing role as a form loaded it ({@code expectedVersion} from its
     * {@link RoleDefinition}); {@link ua.hromada.portal.api.jdbc.EditConflictException} when the
     * role changed meanwhile, nothing saved.
     */
    RoleDefinition update(String name, String description, Set<String> permissions, long expectedVersion,
            String actor);

    /** Refused with {@link AccountException} while users hold the role or for the admin role. */
    void delete(String name, String actor);

    /** {@code version} moves with every change (optimistic locking of the roles form). */
    record RoleDefinition(String name, String description, Set<String> permissions, long version) {
        public RoleDefinition(String name, String description, Set<String> permissions) {
            this(name, description, permissions, 0);
        }
    }
}
