package ua.hromada.portal.shell.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.shell.core.ShellRegistry;
import ua.hromada.portal.shell.core.ShellRegistry.ViewEntry;
import ua.hromada.portal.shell.ui.LoginView;
import ua.hromada.portal.shell.ui.PublicHomeView;

/**
 * The page routes as Vaadin's route registry has them. A component of its own, fed by the shell
 * application when a portal servlet starts or stops: the filters and the health servlet that ask
 * it are registered by that application, so they cannot depend on it (a DS cycle).
 */
@Component(service = { PageRoutes.class, VaadinRoutes.class })
public class VaadinRoutes implements PageRoutes {

    @Reference
    private ShellRegistry registry;

    private final List<VaadinServletService> services = new CopyOnWriteArrayList<>();

    public void serviceInitialized(VaadinServletService service) {
        services.add(service);
    }

    public void serviceDestroyed(VaadinServletService service) {
        services.remove(service);
    }

    @Override
    public boolean isKnownRoute(String path, Community community) {
        String route = path == null ? "" : path.replaceAll("^/+|/+$", "");
        Iterator<VaadinServletService> running = services.iterator();
        if (!running.hasNext()) {
            return true;
        }
        Optional<Class<? extends com.vaadin.flow.component.Component>> target = ApplicationRouteRegistry
                .getInstance(running.next().getContext()).getNavigationTarget(route);
        String module = target.flatMap(registry::byViewClass).map(ViewEntry::module).orElse(null);
        return target.isPresent() && (module == null || community.moduleEnabled(module));
    }

    @Override
    public List<RouteInfo> routes(Community community) {
        List<RouteInfo> routes = new ArrayList<>();
        // the shell's own pages, registered by ShellApplication
        // the root: the public home page without sign-in, the dashboard for a signed-in user
        routes.add(new RouteInfo("", null, true, "portal"));
        routes.add(new RouteInfo(PublicHomeView.ROUTE, null, true, "portal"));
        routes.add(new RouteInfo("forbidden", null, false, "portal"));
        routes.add(new RouteInfo(LoginView.ROUTE, null, true, "portal"));
        for (ViewEntry entry : registry.views()) {
            if (entry.module() != null && !community.moduleEnabled(entry.module())) {
                continue;
            }
            routes.add(new RouteInfo(entry.route(), entry.view().requiredPermission(),
                    entry.view().isPublic(), entry.view().section()));
        }
        return routes;
    }
}
