package ua.hromada.portal.shell.http;

/** Which requests to the portal servlet are a browser opening a page (Vaadin's bootstrap). */
final class PageRequests {

    private PageRequests() {
    }

    /**
     * GET/HEAD of a page address: no Vaadin request type ({@code v-r}), not Vaadin's own
     * resources, and no file name (the service worker, icons and other static files have one).
     */
    static boolean isPageNavigation(String method, String path, String query) {
        // the query string, not getParameter: that would read (and use up) a form body
        if (!("GET".equals(method) || "HEAD".equals(method)) || hasVaadinRequestType(query)) {
            return false;
        }
        if (path.startsWith("/VAADIN/") || path.startsWith("/HEARTBEAT") || path.startsWith("/api/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    static boolean hasVaadinRequestType(String query) {
        return query != null && ("&" + query).contains("&v-r=");
    }
}
