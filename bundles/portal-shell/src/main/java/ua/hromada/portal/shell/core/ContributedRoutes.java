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

    void put(String route, long bundleId) {
        bundleByRoute.put(route, bundleId);
    }

    void remove(String route) {
        bundleByRoute.remove(route);
    }

    public List<String> ofBundle(long bundleId) {
        return bundleByRoute.entrySet().stream().filter(e -> e.getValue() == bundleId).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
