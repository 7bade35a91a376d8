package ua.hromada.portal.shell.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * Which bundle contributed which route. A component without references of its own, so the
 * modules view (itself a contribution) can read it without a service cycle through the registry.
 */
@Component(service = ContributedRoutes.class)
public class ContributedRoutes {

    private final Map<String, Long> bundleByRoute = new ConcurrentHashMap<>();
    /** Views refused because their route was taken: "route@bundle" → bundle id that holds it. */
    private final Map<String, Long> refused = new ConcurrentHashMap<>();

    void put(String route, long bundleId) {
        bundleByRoute.put(route, bundleId);
    }

    void remove(String route) {
        bundleByRoute.remove(route);
    }

    void refuse(String route, long bundleId, long holder) {
        refused.put(route + "@" + bundleId, holder);
    }

    void unrefuse(String route, long bundleId) {
        refused.remove(route + "@" + bundleId);
    }

    /**
     * Why views of a bundle are not shown: "route 'x' is taken by bundle n" for each view whose
     * route another bundle holds (the modules view and the health check name it).
     */
    public List<String> refusedOf(long bundleId) {
        String suffix = "@" + bundleId;
        return refused.entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
                .map(e -> "route '" + e.getKey().substring(0, e.getKey().length() - suffix.length())
                        + "' is taken by bundle " + e.getValue())
                .sorted().toList();
    }

    public List<String> ofBundle(long bundleId) {
        return bundleByRoute.entrySet().stream().filter(e -> e.getValue() == bundleId).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
