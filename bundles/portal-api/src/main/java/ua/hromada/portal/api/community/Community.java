package ua.hromada.portal.api.community;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One community the portal serves (a hromada of the region).
 *
 * @param id       stable key, lower-case latin (e.g. {@code poltava}); every module row carries it
 *                 in its {@code community} column. {@link Communities#DEFAULT} is the community of
 *                 a single-community deployment and of host names no community claims.
 * @param hosts    host names that resolve to it (e.g. {@code poltava.portal.example}), lower case
 * @param modules  keys of the modules enabled for it; empty means every installed module
 * @param settings its overlay on the shared configuration: {@code <pid>/<key>} to value, e.g.
 *                 {@code ua.hromada.portal/community.name} or {@code ua.hromada.oks.open311/jurisdiction_id}
 */
public record Community(String id, List<String> hosts, Set<String> modules, Map<String, String> settings) {

    public Community {
        hosts = List.copyOf(hosts);
        modules = Set.copyOf(modules);
        settings = Map.copyOf(settings);
    }

    /** Whether the module's menus, pages and APIs are there for this community. */
    public boolean moduleEnabled(String moduleKey) {
        return modules.isEmpty() || modules.contains(moduleKey);
    }

    /** Its name as the portal shows it ({@code ua.hromada.portal/community.name}), else its id. */
    public String name() {
        return setting("ua.hromada.portal", "community.name").orElse(id);
    }

    /** This community's value of a configuration key, where its overlay sets one. */
    public Optional<String> setting(String pid, String key) {
        return Optional.ofNullable(settings.get(pid + "/" + key)).filter(v -> !v.isBlank());
    }
}
