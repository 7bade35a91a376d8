package ua.hromada.portal.shell.http;

import java.util.List;

import ua.hromada.portal.api.community.Community;

/** The page routes the portal serves right now (the shell's own and those modules contribute). */
public interface PageRoutes {

    /** A route as the access check sees it; permission null = any signed-in user. */
    record RouteInfo(String route, String permission, boolean isPublic, String module) {
    }

    /**
     * Whether a page path (without the context path, e.g. {@code /dokumenty} or
     * {@code /docs/edit/7}) leads to a view of the community: a view of a module it does not
     * have does not count; true while the portal servlet is not initialised, so nothing is
     * refused before the routes are known.
     */
    boolean isKnownRoute(String path, Community community);

    /** The routes of the core and of the community's modules. */
    List<RouteInfo> routes(Community community);
}
