package ua.hromada.portal.shell.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.DashboardWidget;
import ua.hromada.portal.api.HromadaModule;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.PublicSearchProvider;
import ua.hromada.portal.api.SearchProvider;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.community.Communities;

/**
 * Tracks what modules contribute through the portal SPI (views, widgets, search providers, public
 * search providers) and tells listeners — the route installer and open UIs — when views come and go.
 * A view is known from its service properties ({@link ContributedView}); its contribution is activated only
 * to create the view. Each contribution is known with its module (the contributing bundle's
 * {@link HromadaModule#HEADER_MODULE}); what a module disabled for the current community
 * contributes is left out of its menu, dashboard and search. The core's (no header) always counts.
 */
@org.osgi.service.component.annotations.Component(service = ShellRegistry.class)
public class ShellRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ShellRegistry.class);

    /**
     * A contributed view: its properties, its class (loaded from the bundle that registered it),
     * the contribution's service id and what creates the view.
     */
    public record ViewEntry(ContributedView view, Class<? extends Component> viewClass, long bundleId,
            long serviceId, Supplier<Component> factory, String module) {

        /** A view of the core (no module). */
        public ViewEntry(ContributedView view, Class<? extends Component> viewClass, long bundleId, long serviceId,
                Supplier<Component> factory) {
            this(view, viewClass, bundleId, serviceId, factory, null);
        }

        public String route() {
            return normalise(view.route());
        }

        /** A new view instance (activates the contribution the first time). */
        public Component createView() {
            return factory.get();
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
    private final List<ViewEntry> waiting = new CopyOnWriteArrayList<>();
    /** The contributions gotten to create views, by service id, released when the service goes. */
    private final Map<Long, ContributionService> services = new ConcurrentHashMap<>();
    private final List<Contributed<DashboardWidget>> widgets = new CopyOnWriteArrayList<>();
    private final List<Contributed<SearchProvider>> searchProviders = new CopyOnWriteArrayList<>();
    private final List<Contributed<PublicSearchProvider>> publicSearchProviders = new CopyOnWriteArrayList<>();
    private final List<Consumer<ViewChange>> listeners = new CopyOnWriteArrayList<>();

    private final ContributedRoutes routes;
    private final Communities communities;

    /** A widget or search provider with the module of the bundle that registered it (null: the core). */
    private record Contributed<T>(T item, String module) {
    }

    @org.osgi.service.component.annotations.Activate
    public ShellRegistry(@Reference ContributedRoutes routes, @Reference Communities communities) {
        this.routes = routes;
        this.communities = communities;
    }

    /** The module key of a bundle (its Hromada-Module header), null for the core's bundles. */
    public static String moduleOf(Bundle bundle) {
        String key = bundle == null ? null : bundle.getHeaders("").get(HromadaModule.HEADER_MODULE);
        return key == null || key.isBlank() ? null : key.trim();
    }

    /** Whether a module's contributions are there for the current community; the core's always are. */
    public boolean enabled(String module) {
        return module == null || communities.current().moduleEnabled(module);
    }

    /**
     * A contribution's page is routed from its service properties; the contribution itself stays
     * inactive (ComponentServiceObjects gets nothing until asked) until a view is created.
     */
    @Reference(service = ViewContribution.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addView(ComponentServiceObjects<ViewContribution> contribution, Map<String, Object> properties) {
        long serviceId = serviceIdOf(properties);
        Bundle bundle = contribution.getServiceReference().getBundle();
        if (bundle == null) {
            return; // unregistered meanwhile; its removal follows
        }
        ContributedView view;
        Class<? extends Component> viewClass;
        try {
            view = ContributedView.of(properties);
            viewClass = bundle.loadClass(view.viewClassName()).asSubclass(Component.class);
        } catch (ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            LOG.error("View contribution {} of bundle {} is ignored: {}", properties.get("component.name"),
                    bundle.getBundleId(), e.toString());
            return;
        }
        ContributionService service = new ContributionService(contribution);
        services.put(serviceId, service);
        add(new ViewEntry(view, viewClass, bundleIdOf(properties), serviceId, service, moduleOf(bundle)));
    }

    void removeView(ComponentServiceObjects<ViewContribution> contribution, Map<String, Object> properties) {
        long serviceId = serviceIdOf(properties);
        remove(serviceId);
        ContributionService service = services.remove(serviceId);
        if (service != null) {
            service.release();
        }
    }

    /** Routes a view, or keeps it waiting when its route is taken. */
    void add(ViewEntry entry) {
        String route = entry.route();
        ViewEntry existing = views.putIfAbsent(route, entry);
        if (existing != null) {
            LOG.error("Route '{}' of bundle {} is already taken by bundle {}; the view is ignored",
                    route, entry.bundleId(), existing.bundleId());
            routes.refuse(route, entry.bundleId(), existing.bundleId());
            waiting.add(entry);
            return;
        }
        routes.put(route, entry.bundleId());
        LOG.info("View '{}' added by bundle {}", route, entry.bundleId());
        fire(new ViewChange(entry, null));
    }

    /** The view of a contribution service that went away. */
    void remove(long serviceId) {
        for (ViewEntry w : waiting) {
            // a view that was refused for its route goes: nothing to remove but the refusal
            if (w.serviceId() == serviceId && waiting.remove(w)) {
                routes.unrefuse(w.route(), w.bundleId());
            }
        }
        for (ViewEntry entry : views.values()) {
            if (entry.serviceId() == serviceId && views.remove(entry.route(), entry)) {
                routes.remove(entry.route());
                LOG.info("View '{}' removed", entry.route());
                fire(new ViewChange(null, entry));
                promoteWaiting(entry.route());
            }
        }
    }

    /** The first view waiting for a route that has just been freed takes it (see {@link #waiting}). */
    private void promoteWaiting(String route) {
        for (ViewEntry w : waiting) {
            // remove() succeeds for one caller only, so a view is never added twice
            if (w.route().equals(route) && waiting.remove(w)) {
                routes.unrefuse(route, w.bundleId());
                add(w);
                return;
            }
        }
    }

    private static long bundleIdOf(Map<String, Object> properties) {
        return ((Number) properties.getOrDefault(Constants.SERVICE_BUNDLEID, -1L)).longValue();
    }

    private static long serviceIdOf(Map<String, Object> properties) {
        return ((Number) properties.getOrDefault(Constants.SERVICE_ID, -1L)).longValue();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addWidget(DashboardWidget widget, ServiceReference<DashboardWidget> reference) {
        add(widget, moduleOf(reference.getBundle()));
    }

    /** A widget of the module (null: the core's). */
    void add(DashboardWidget widget, String module) {
        widgets.add(new Contributed<>(widget, module));
    }

    void removeWidget(DashboardWidget widget) {
        widgets.removeIf(c -> c.item() == widget);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSearchProvider(SearchProvider provider, ServiceReference<SearchProvider> reference) {
        add(provider, moduleOf(reference.getBundle()));
    }

    /** A search provider of the module (null: the core's). */
    void add(SearchProvider provider, String module) {
        searchProviders.add(new Contributed<>(provider, module));
    }

    void removeSearchProvider(SearchProvider provider) {
        searchProviders.removeIf(c -> c.item() == provider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPublicSearchProvider(PublicSearchProvider provider, ServiceReference<PublicSearchProvider> reference) {
        addPublic(provider, moduleOf(reference.getBundle()));
    }

    /** A public search provider of the module (null: the core's). */
    void addPublic(PublicSearchProvider provider, String module) {
        publicSearchProviders.add(new Contributed<>(provider, module));
    }

    void removePublicSearchProvider(PublicSearchProvider provider) {
        publicSearchProviders.removeIf(c -> c.item() == provider);
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
                .sorted(Comparator.comparing((ViewEntry e) -> e.view().section())
                        .thenComparingInt(e -> e.view().order())
                        .thenComparing(ViewEntry::route))
                .collect(Collectors.toList());
    }

    /** Menu entries the user may open in the current community, in menu order. */
    public List<ViewEntry> menuFor(PortalUser user) {
        return views().stream()
                .filter(e -> e.view().inMenu() && !e.view().isPublic() && enabled(e.module()))
                .filter(e -> user != null && user.hasPermission(e.view().requiredPermission()))
                .collect(Collectors.toList());
    }

    public Optional<ViewEntry> byViewClass(Class<?> viewClass) {
        return views.values().stream().filter(e -> e.viewClass() == viewClass).findFirst();
    }

    public Optional<ViewEntry> byRoute(String route) {
        return Optional.ofNullable(views.get(normalise(route)));
    }

    /** The widgets of the current community's modules the user may see, in order. */
    public List<DashboardWidget> widgetsFor(PortalUser user) {
        return widgets.stream().filter(c -> enabled(c.module())).map(Contributed::item)
                .filter(w -> user != null && user.hasPermission(w.requiredPermission()))
                .sorted(Comparator.comparingInt(DashboardWidget::order)).collect(Collectors.toList());
    }

    /** The search providers of the current community's modules the user may search. */
    public List<SearchProvider> searchProvidersFor(PortalUser user) {
        return searchProviders.stream().filter(c -> enabled(c.module())).map(Contributed::item)
                .filter(p -> user != null && user.hasPermission(p.requiredPermission()))
                .collect(Collectors.toList());
    }

    /** The public search providers of the current community's modules, by order, then title key. */
    public List<PublicSearchProvider> publicSearchProviders() {
        return publicSearchProviders.stream().filter(c -> enabled(c.module())).map(Contributed::item)
                .sorted(Comparator.comparingInt(PublicSearchProvider::order)
                        .thenComparing(PublicSearchProvider::titleKey))
                .collect(Collectors.toList());
    }

    /**
     * The public entries (open pages in the menu) of the current community's modules: the tiles of
     * the public home page and the links of the public frame, by order, then by title as the reader
     * reads it ({@code title} gives a title key's text).
     */
    public List<ViewEntry> publicEntries(Function<String, String> title) {
        return views.values().stream().filter(e -> e.view().isPublicEntry() && enabled(e.module()))
                .sorted(Comparator.comparingInt((ViewEntry e) -> e.view().order())
                        .thenComparing(e -> title.apply(e.view().titleKey()), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ViewEntry::route))
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
}
