package ua.hromada.portal.vaadin;

import java.util.Locale;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.CommunityScope;

/**
 * The community of Vaadin's work. An HTTP request is already bound by the portal's filter, but a
 * push message over the WebSocket passes no filter: Vaadin starts it with
 * {@code VaadinService.requestStart} (PushHandler.callWithUi), so the binding is made there, from
 * the request's host name, for both. A VaadinSession is kept per community in the HTTP session
 * (its attribute name carries the community), so a session cookie shared by two host names never
 * takes a UI of one community into the other, and each VaadinSession records its community.
 */
final class CommunitySessions {

    private static final String SCOPE = CommunitySessions.class.getName() + ".scope";

    private CommunitySessions() {
    }

    /** Binds the request's community until {@link #end}. */
    static void start(Communities communities, VaadinRequest request) {
        request.setAttribute(SCOPE, communities.enter(communities.forHost(host(request)).id()));
    }

    /**
     * Binds the request's community to the running thread only, for the caller to close: for work
     * that may run on another thread than the request's start (a lost push connection).
     */
    static CommunityScope enter(Communities communities, VaadinRequest request) {
        return communities.enter(communities.forHost(host(request)).id());
    }

    /** Whether {@link #start} bound this request's community (and {@link #end} has not yet released it). */
    static boolean started(VaadinRequest request) {
        return request.getAttribute(SCOPE) instanceof CommunityScope;
    }

    static void end(VaadinRequest request) {
        Object scope = request.getAttribute(SCOPE);
        if (scope instanceof CommunityScope bound) {
            request.removeAttribute(SCOPE);
            bound.close();
        }
    }

    /** The attribute name of the current community's VaadinSession (and of its WebSocket reference). */
    static String attribute(String base, Communities communities) {
        return base + "." + communities.current().id();
    }

    /**
     * The host the browser addressed: its Host header first, which Atmosphere copies from the
     * WebSocket handshake into every push message's request (that request's server name is not
     * the addressed host), else the server name.
     */
    static String host(VaadinRequest request) {
        try {
            String header = request.getHeader("Host");
            if (header != null && !header.isBlank()) {
                return withoutPort(header.strip().toLowerCase(Locale.ROOT));
            }
            if (request instanceof jakarta.servlet.ServletRequest servlet) {
                return servlet.getServerName();
            }
        } catch (RuntimeException recycled) {
            // a request Jetty already recycled: no host to tell
        }
        return "";
    }

    /** The host name of a Host header ("localhost:8181" → "localhost", "[::1]:8181" → "[::1]"). */
    static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        boolean port = colon > 0 && (host.startsWith("[") ? host.charAt(colon - 1) == ']' : host.indexOf(':') == colon);
        return port ? host.substring(0, colon) : host;
    }

    /** A VaadinSession that knows the community it belongs to. */
    static final class CommunitySession extends VaadinSession {
        private static final long serialVersionUID = 1L;
        private final String community;

        CommunitySession(VaadinService service, String community) {
            super(service);
            this.community = community;
        }

        String community() {
            return community;
        }
    }
}
