package ua.hromada.portal.shell.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.DashboardWidget;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.SearchProvider;
import ua.hromada.portal.api.ViewContribution;

/**
 * Tracks what modules contribute through the portal SPI (views, widgets, search providers) and tells listeners — the route installer and open UIs — when views come and go.
 */
@org.osgi.service.component.annotations.Component(service = ShellRegistry.class)
public class ShellRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ShellRegistry.class);

    /** A contributed view and the bundle that registered it. */
    public record ViewEntry(ViewContribution contribution, long bundleId) {
        public String route() {
            return contribution.route();
        }
    }

    /** Change notification: {@code removed} is set when a view went away. */
    public record ViewChange(ViewEntry added, ViewEntry removed) {
    }

    private final Map<String, ViewEntry> views = new ConcurrentHashMap<>();
    /**
     * Views refused because their route was taken, in arrival order. The next one for a route takes
     * it over when the holder goes: an upgrade in place starts the new version of a module before
     * the old one is uninstalled, so the new view has to wait for the old one's route.
     */
    private final List<Waiting> waiting = new CopyOnWriteArrayList<>();

    private record Waiting(String route, ViewContribution contribution, Map<String, Object> properties) {
    }
    private final List<DashboardWidget> widgets = new CopyOnWriteArrayList<>();
    private final List<SearchProvider> searchProviders = new CopyOnWriteArrayList<>();
    private final List<Consumer<ViewChange>> listeners = new CopyOnWriteArrayList<>();

    private final ContributedRoutes routes;

    @org.osgi.service.component.annotations.Activate
    public ShellRegistry(@Reference ContributedRoutes routes) {
        this.routes = routes;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addView(ViewContribution contribution, Map<String, Object> properties) {
        String route = normalise(contribution.route());
        long bundleId = bundleIdOf(properties);
        ViewEntry entry = new ViewEntry(contribution, bundleId);
        ViewEntry existing = views.putIfAbsent(route, entry);
        if (existing != null) {
            LOG.error("Route '{}' of bundle {} is already taken by bundle {}; the view is ignored",
                    route, bundleId, existing.bundleId());
            routes.refuse(route, bundleId, existing.bundleId());
            waiting.add(new Waiting(route, contribution, properties));
            return;
        }
        routes.put(route, bundleId);
        LOG.info("View '{}' added by bundle {}", route, bundleId);
        fire(new ViewChange(entry, null));
    }

    void removeView(ViewContribution contribution, Map<String, Object> properties) {
        String route = normalise(contribution.route());
        ViewEntry entry = views.get(route);
        if (entry == null || entry.contribution() != contribution) {
            // a view that was refused for its route goes: nothing to remove but the refusal
            routes.unrefuse(route, bundleIdOf(properties));
            waiting.removeIf(w -> w.contribution() == contribution);
        }
        if (entry != null && entry.contribution() == contribution && views.remove(route, entry)) {
            routes.remove(route);
            LOG.info("View '{}' removed", route);
            fire(new ViewChange(null, entry));
            promoteWaiting(route);
        }
    }

    /** The first view waiting for a route that has just been freed takes it (see {@link #waiting}). */
    private void promoteWaiting(String route) {
        for (Waiting w : waiting) {
            // remove() succeeds for one caller only, so a view is never added twice
            if (w.route().equals(route) && waiting.remove(w)) {
                routes.unrefuse(route, bundleIdOf(w.properties()));
                addView(w.contribution(), w.properties());
                return;
            }
        }
    }

    private static long bundleIdOf(Map<String, Object> properties) {
        return ((Number) properties.getOrDefault(org.osgi.framework.Constants.SERVICE_BUNDLEID, -1L)).longValue();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addWidget(DashboardWidget widget) {
        widgets.add(widget);
    }

    void removeWidget(DashboardWidget widget) {
        widgets.remove(widget);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSearchProvider(SearchProvider provider) {
        searchProviders.add(provider);
    }

    void removeSearchProvider(SearchProvider provider) {
        searchProviders.remove(provider);
    }

    public void addListener(Consumer<ViewChange> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ViewChange> listener) {
        listeners.remove(listener);
    }

    private void fire(ViewChange change) {
        for (Consumer<ViewChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.error("View change listener failed", e);
            }
        }
    }

    public List<ViewEntry> views() {
        return views.values().stream()
                .sorted(Comparator.comparing((ViewEntry e) -> e.contribution().section())
                        .thenComparingInt(e -> e.contribution().order())
                        .thenComparing(ViewEntry::route))
                .collect(Collectors.toList());
    }

    /** Menu entries the user may open, in menu order. */
    public List<ViewEntry> menuFor(PortalUser user) {
        return views().stream()
                .filter(e -> e.contribution().inMenu() && !e.contribution().isPublic())
                .filter(e -> user != null && user.hasPermission(e.contribution().requiredPermission()))
                .collect(Collectors.toList());
    }

    public Optional<ViewEntry> byViewClass(Class<?> viewClass) {
        return views.values().stream().filter(e -> e.contribution().viewClass() == viewClass).findFirst();
    }

    public Optional<ViewEntry> byRoute(String route) {
        return Optional.ofNullable(views.get(normalise(route)));
    }

    public List<DashboardWidget> widgetsFor(PortalUser user) {
        return widgets.stream().filter(w -> user != null && user.hasPermission(w.requiredPermission()))
                .sorted(Comparator.comparingInt(DashboardWidget::order)).collect(Collectors.toList());
    }

    public List<SearchProvider> searchProvidersFor(PortalUser user) {
        return searchProviders.stream().filter(p -> user != null && user.hasPermission(p.requiredPermission()))
                .collect(Collectors.toList());
    }

    static String normalise(String route) {
        String r = route == null ? "" : route.trim();
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /** Class of a contributed view as a component type, for the router. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Component> componentClass(ViewEntry entry) {
        return (Class<? extends Component>) entry.contribution().viewClass();
    }

}
