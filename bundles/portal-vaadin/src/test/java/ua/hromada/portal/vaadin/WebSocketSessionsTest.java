package ua.hromada.portal.vaadin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Atmosphere's endpoint, registered through the portal's servlet context, sees the portal
 * context's view of the session at the handshake; a servlet initialised again on the same Jetty
 * (a restarted shell) takes the endpoint over instead of failing on Jetty's duplicate mapping.
 */
class WebSocketSessionsTest {

    /** Jetty's container as far as it matters: one mapping per path, no removal. */
    private final List<ServerEndpointConfig> mapped = new ArrayList<>();
    private final ServerContainer jetty = (ServerContainer) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ServerContainer.class }, (proxy, method, args) -> {
                if (method.getName().equals("addEndpoint") && args[0] instanceof ServerEndpointConfig config) {
                    if (mapped.stream().anyMatch(m -> m.getPath().equals(config.getPath()))) {
                        throw new DeploymentException("Duplicate path mapping " + config.getPath());
                    }
                    mapped.add(config);
                    return null;
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                };
            });

    @Test
    void theHandshakeSeesTheContextsSessionAndARestartedServletTakesTheEndpointOver() throws Exception {
        Recording first = new Recording();
        ServletContext context = contextWithContainer();
        assertTrue(WebSocketSessions.install(context, "hromada"));
        ServerContainer seen = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        assertNotSame(jetty, seen);
        seen.addEndpoint(config(first));
        assertEquals(1, mapped.size());

        HttpSession container = session();
        ServerEndpointConfig.Configurator registered = mapped.get(0).getConfigurator();
        registered.modifyHandshake(mapped.get(0), handshake(container), null);
        ContextSessionView view = assertInstanceOf(ContextSessionView.class, first.handshakeSession);
        container.setAttribute("org.apache.felix.http.session.context.attr.hromada.x", "portal's");
        assertEquals("portal's", view.getAttribute("x"));

        // the shell restarts: a new whiteboard context, the same Jetty container
        Recording second = new Recording();
        ServletContext again = contextWithContainer();
        assertTrue(WebSocketSessions.install(again, "hromada"));
        ((ServerContainer) again.getAttribute(ServerContainer.class.getName())).addEndpoint(config(second));
        assertEquals(1, mapped.size(), "Jetty keeps its one mapping");
        assertSame(second.instance, registered.getEndpointInstance(Echo.class), "the new Atmosphere serves it");
        registered.modifyHandshake(mapped.get(0), handshake(session()), null);
        assertInstanceOf(ContextSessionView.class, second.handshakeSession);
    }

    @Test
    void withoutAContainerThereIsNoWebSocket() {
        Map<String, Object> attributes = new HashMap<>();
        ServletContext context = context(attributes);
        assertEquals(false, WebSocketSessions.install(context, "hromada"));
    }

    private ServletContext contextWithContainer() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(ServerContainer.class.getName(), jetty);
        return context(attributes);
    }

    private static ServletContext context(Map<String, Object> attributes) {
        return (ServletContext) Proxy.newProxyInstance(WebSocketSessionsTest.class.getClassLoader(),
                new Class<?>[] { ServletContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> null;
                });
    }

    private static HttpSession session() {
        Map<String, Object> stored = new HashMap<>();
        stored.put("org.apache.felix.http.session.context.created.hromada", 1L);
        return (HttpSession) Proxy.newProxyInstance(WebSocketSessionsTest.class.getClassLoader(),
                new Class<?>[] { HttpSession.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> stored.get((String) args[0]);
                    case "setAttribute" -> stored.put((String) args[0], args[1]);
                    default -> null;
                });
    }

    private static HandshakeRequest handshake(HttpSession session) {
        return (HandshakeRequest) Proxy.newProxyInstance(WebSocketSessionsTest.class.getClassLoader(),
                new Class<?>[] { HandshakeRequest.class },
                (proxy, method, args) -> method.getName().equals("getHttpSession") ? session : null);
    }

    private static ServerEndpointConfig config(Recording configurator) {
        return ServerEndpointConfig.Builder.create(Echo.class, "/VAADIN/push").configurator(configurator).build();
    }

    /** Atmosphere's configurator as far as it matters. */
    private static final class Recording extends ServerEndpointConfig.Configurator {
        final Echo instance = new Echo();
        Object handshakeSession;

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            handshakeSession = request.getHttpSession();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return (T) instance;
        }
    }

    public static final class Echo extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            // not opened in this test
        }
    }
}
