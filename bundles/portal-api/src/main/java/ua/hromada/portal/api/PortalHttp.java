package ua.hromada.portal.api;

/** The portal's HTTP whiteboard context: every servlet, filter and resource of a module joins it. */
public final class PortalHttp {

    /** Name of the servlet context the shell registers (sessions, security filter, error pages). */
    public static final String CONTEXT_NAME = "hromada";

    /** For {@code @HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)}. */
    public static final String CONTEXT_SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";

    private PortalHttp() {
    }
}
