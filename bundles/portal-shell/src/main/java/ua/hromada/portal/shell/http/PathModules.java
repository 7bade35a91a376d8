package ua.hromada.portal.shell.http;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which module's servlet serves a request path, decided as the servlet container does: an exact
 * pattern first, then the longest {@code /prefix/*}, then an extension {@code *.ext}; among servlets
 * with the same pattern the highest ranking, then the oldest service. The module is what the
 * servlet's bundle declares (null for the core's servlets, the Vaadin pages included), so a
 * path the core answers is never a module's.
 */
final class PathModules {

    /** One registered servlet: its URL patterns and the module of its bundle (null: the core). */
    record Servlet(List<String> patterns, String module, int ranking, long serviceId) {
    }

    static final PathModules NONE = new PathModules(List.of());

    /** Pattern → the servlet that holds it. */
    private final Map<String, Servlet> byPattern = new HashMap<>();

    PathModules(List<Servlet> servlets) {
        servlets.stream()
                .sorted(Comparator.comparingInt(Servlet::ranking).reversed().thenComparingLong(Servlet::serviceId))
                .forEach(s -> s.patterns().forEach(p -> byPattern.putIfAbsent(p, s)));
    }

    /** The module whose servlet serves the path (without the context path), empty for the core or nothing. */
    Optional<String> moduleOf(String path) {
        return servletOf(path == null || path.isEmpty() ? "/" : path).map(Servlet::module);
    }

    private Optional<Servlet> servletOf(String path) {
        Servlet exact = byPattern.get(path);
        if (exact != null) {
            return Optional.of(exact);
        }
        // longest path prefix: /a/b/c matches /a/b/c/*, then /a/b/*, then /a/*, then /*
        String prefix = path;
        while (true) {
            Servlet match = byPattern.get(prefix + "/*");
            if (match != null) {
                return Optional.of(match);
            }
            int slash = prefix.lastIndexOf('/');
            if (slash < 0) {
                break;
            }
            prefix = prefix.substring(0, slash);
        }
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/')) {
            Servlet match = byPattern.get("*" + path.substring(dot));
            if (match != null) {
                return Optional.of(match);
            }
        }
        return Optional.ofNullable(byPattern.get("/"));
    }
}
