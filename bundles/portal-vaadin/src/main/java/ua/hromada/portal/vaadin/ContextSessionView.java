package ua.hromada.portal.vaadin;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingListener;

/**
 * The container's HTTP session seen the way Felix shows it to one whiteboard context.
 * <p>
 * Felix HTTP keeps one container session per browser and stores each context's attributes in it
 * under {@code org.apache.felix.http.session.context.attr.<context name>.<attribute>}. Servlets
 * get a wrapper that adds and strips that prefix. A WebSocket handshake is answered by Jetty's
 * upgrade filter before Felix's dispatcher, so the session it hands to Atmosphere (and so to
 * Vaadin's push handler) is the bare container session: Vaadin found neither its lock nor its
 * VaadinSession there and answered every push connection with "session expired" — the reload
 * loop of the first WebSocket attempt. This view adds the prefix back.
 * <p>
 * Values Felix wraps (session binding listeners, such as the VaadinSession itself) cannot be read
 * through it; {@link PortalVaadinServlet} stores a plain reference for that.
 */
final class ContextSessionView implements HttpSession {

    /** Felix HTTP's prefix for a context's attributes (org.apache.felix.http.base HttpSessionWrapper). */
    static final String ATTRIBUTE_PREFIX = "org.apache.felix.http.session.context.attr.";
    /** Felix HTTP marks each context that uses the session with this attribute (+ context name). */
    static final String CREATED_PREFIX = "org.apache.felix.http.session.context.created.";

    private final HttpSession container;
    private final String prefix;

    ContextSessionView(HttpSession container, String contextName) {
        this.container = Objects.requireNonNull(container);
        this.prefix = ATTRIBUTE_PREFIX + contextName + ".";
    }

    /** Whether Felix has ever shown this session to the context (false: wrong context name). */
    static boolean usedByContext(HttpSession container, String contextName) {
        return container.getAttribute(CREATED_PREFIX + contextName) != null;
    }

    @Override
    public Object getAttribute(String name) {
        return container.getAttribute(prefix + name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        List<String> names = Collections.list(container.getAttributeNames()).stream()
                .filter(n -> n.startsWith(prefix))
                .map(n -> n.substring(prefix.length()))
                .toList();
        return Collections.enumeration(names);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value instanceof HttpSessionBindingListener) {
            // Felix wraps these so that only it calls the listener; storing one bare would make
            // the container call it too. Nothing on the push path stores one.
            throw new IllegalStateException("A session binding listener (" + name
                    + ") cannot be stored through a WebSocket handshake's session");
        }
        if (value == null) {
            removeAttribute(name);
        } else {
            container.setAttribute(prefix + name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        container.removeAttribute(prefix + name);
    }

    @Override
    public String getId() {
        return container.getId();
    }

    @Override
    public long getCreationTime() {
        return container.getCreationTime();
    }

    @Override
    public long getLastAccessedTime() {
        return container.getLastAccessedTime();
    }

    @Override
    public ServletContext getServletContext() {
        return container.getServletContext();
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        container.setMaxInactiveInterval(interval);
    }

    @Override
    public int getMaxInactiveInterval() {
        return container.getMaxInactiveInterval();
    }

    @Override
    public void invalidate() {
        container.invalidate();
    }

    @Override
    public boolean isNew() {
        return container.isNew();
    }
}
