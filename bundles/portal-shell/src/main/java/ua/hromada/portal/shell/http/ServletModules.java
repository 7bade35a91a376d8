package ua.hromada.portal.shell.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

import jakarta.servlet.Servlet;
import ua.hromada.portal.shell.core.ShellRegistry;

/**
 * The module of each whiteboard servlet's URL patterns, so the HTTP edge can turn away a request
 * for a module the host's community does not have (a filter cannot see which servlet will serve a
 * request). Read from the servlets' service properties and bundles as they come and go, never the
 * servlet objects themselves; the mapping is rebuilt on every change.
 */
@Component(service = ServletModules.class)
public class ServletModules {

    private final Map<Long, PathModules.Servlet> servlets = new ConcurrentHashMap<>();
    private volatile PathModules current = PathModules.NONE;

    @Reference(service = Servlet.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedServlet")
    void addServlet(ServiceReference<Servlet> reference) {
        List<String> patterns = patterns(reference.getProperty(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN));
        if (!patterns.isEmpty()) {
            long id = (Long) reference.getProperty(Constants.SERVICE_ID);
            Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
            servlets.put(id, new PathModules.Servlet(patterns, ShellRegistry.moduleOf(reference.getBundle()),
                    ranking instanceof Integer r ? r : 0, id));
            rebuild();
        }
    }

    void updatedServlet(ServiceReference<Servlet> reference) {
        servlets.remove((Long) reference.getProperty(Constants.SERVICE_ID));
        addServlet(reference);
        rebuild(); // also when it has no pattern any more
    }

    void removeServlet(ServiceReference<Servlet> reference) {
        if (servlets.remove((Long) reference.getProperty(Constants.SERVICE_ID)) != null) {
            rebuild();
        }
    }

    private synchronized void rebuild() {
        current = new PathModules(new ArrayList<>(servlets.values()));
    }

    /** The module whose servlet serves the path (without the context path); empty for the core's. */
    public Optional<String> moduleOf(String path) {
        return current.moduleOf(path);
    }

    /** A whiteboard pattern property: one string or several. */
    static List<String> patterns(Object property) {
        if (property instanceof String s) {
            return List.of(s);
        }
        if (property instanceof String[] a) {
            return List.of(a);
        }
        if (property instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
