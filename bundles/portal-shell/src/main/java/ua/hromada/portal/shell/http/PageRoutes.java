package ua.hromada.portal.shell.http;

import java.util.List;

/** The page routes the portal serves right now (the shell's own and those modules contribute). */
public interface PageRoutes {

    /** A route as the access check sees it; permission null = any signed-in user. */
    record RouteInfo(String route, String permission, boolean isPublic, String module) {
    }

    /**
     * Whether a page path (without the context path, e.g. {@code /dokumenty} or
     * {@code /docs/edit/7}) leads to a view; true while the portal servlet is not initialised,
     * so nothing is refused before the routes are known.
     */
    boolean isKnownRoute(String path);

    List<RouteInfo> routes();
}
