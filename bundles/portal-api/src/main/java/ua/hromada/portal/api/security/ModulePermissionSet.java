package ua.hromada.portal.api.security;

import java.util.Arrays;
import java.util.List;

import ua.hromada.portal.api.Permission;
import ua.hromada.portal.api.PermissionSet;

/**
 * A module's {@link PermissionSet} written once: a module's component only names its module and
 * its permissions. A permission's key is {@code <module>.<name>} (the module's constant) and its
 * label the module's resource key {@code <module>.permission.<name>}.
 *
 * <pre>
 * &#64;Component(service = PermissionSet.class)
 * public class OksPermissionSet extends ModulePermissionSet {
 *     public OksPermissionSet() {
 *         super("oks", OksPermissions.INSPECT, OksPermissions.EXECUTE, OksPermissions.VIEW);
 *     }
 * }
 * </pre>
 */
public abstract class ModulePermissionSet implements PermissionSet {

    private final String module;
    private final List<Permission> permissions;

    /** Each key {@code <module>.<name>}, labelled by the resource key {@code <module>.permission.<name>}. */
    protected ModulePermissionSet(String module, String... keys) {
        this(module, Arrays.stream(keys).map(key -> new Permission(key, label(module, key))).toList());
    }

    /** Permissions whose labels follow another scheme (the core's {@code permission.portal.*}). */
    protected ModulePermissionSet(String module, List<Permission> permissions) {
        this.module = module;
        this.permissions = List.copyOf(permissions);
    }

    private static String label(String module, String key) {
        String prefix = module + ".";
        if (!key.startsWith(prefix) || key.length() == prefix.length()) {
            throw new IllegalArgumentException("permission " + key + " is not one of module " + module);
        }
        return module + ".permission." + key.substring(prefix.length());
    }

    @Override
    public final String module() {
        return module;
    }

    @Override
    public final List<Permission> permissions() {
        return permissions;
    }
}
