package ua.hromada.portal.vaadin;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Gives WebSocket endpoints registered from the portal's servlet context (Atmosphere's, for Vaadin
 * push) the portal context's view of the HTTP session ({@link ContextSessionView}).
 * <p>
 * Felix HTTP puts Jetty's {@link ServerContainer} into every whiteboard context as the attribute
 * {@code jakarta.websocket.server.ServerContainer}; Atmosphere registers its endpoint there and
 * reads the session from the handshake. This replaces the attribute, in the portal's context only,
 * by a container that wraps each endpoint's configurator so the handshake request it sees returns
 * the view. Only loaded when the attribute is present (the jakarta.websocket import is optional).
 */
final class WebSocketSessions {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketSessions.class);
    private static final String ATTRIBUTE = ServerContainer.class.getName();
    /**
     * The endpoints registered through this class, per Jetty container and path. Jetty refuses a
     * second mapping of a path and cannot remove one, while the portal's servlet is initialised
     * again on the same container whenever the shell restarts (a bundle:refresh after an API
     * update): the second registration then only points the first one at the new Atmosphere.
     */
    private static final Map<ServerContainer, Map<String, ViewingConfigurator>> REGISTERED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private WebSocketSessions() {
    }

    /**
     * Wraps the context's server container once; true when WebSocket push can be offered.
     *
     * @param contextName the whiteboard context name, Felix's key for the context's attributes
     */
    static boolean install(ServletContext context, String contextName) {
        Object attribute = context.getAttribute(ATTRIBUTE);
        if (attribute instanceof ViewingServerContainer) {
            return true;
        }
        if (!(attribute instanceof ServerContainer container)) {
            return false;
        }
        context.setAttribute(ATTRIBUTE, new ViewingServerContainer(container, contextName));
        return true;
    }

    /** Delegates everything; endpoint configurations get a {@link ViewingConfigurator}. */
    private static final class ViewingServerContainer implements ServerContainer {
        private final ServerContainer delegate;
        private final String contextName;

        ViewingServerContainer(ServerContainer delegate, String contextName) {
            this.delegate = delegate;
            this.contextName = contextName;
        }

        @Override
        public void addEndpoint(ServerEndpointConfig config) throws DeploymentException {
            Map<String, ViewingConfigurator> paths = REGISTERED.computeIfAbsent(delegate,
                    c -> new ConcurrentHashMap<>());
            synchronized (paths) {
                ViewingConfigurator registered = paths.get(config.getPath());
                if (registered != null) {
                    registered.replace(config, contextName);
                    LOG.info("WebSocket endpoint {} now served by the re-initialised portal", config.getPath());
                    return;
                }
                ViewingConfigurator configurator = new ViewingConfigurator(config, contextName);
                delegate.addEndpoint(new ViewingEndpointConfig(config, configurator));
                paths.put(config.getPath(), configurator);
            }
        }

        @Override
        public void addEndpoint(Class<?> endpointClass) throws DeploymentException {
            // annotated endpoints carry their own configurator; none is registered from the portal
            delegate.addEndpoint(endpointClass);
        }

        @Override
        public void upgradeHttpToWebSocket(Object request, Object response, ServerEndpointConfig config,
                Map<String, String> pathParameters) throws IOException, DeploymentException {
            delegate.upgradeHttpToWebSocket(request, response, new ViewingEndpointConfig(config,
                    new ViewingConfigurator(config, contextName)), pathParameters);
        }

        @Override
        public long getDefaultAsyncSendTimeout() {
            return delegate.getDefaultAsyncSendTimeout();
        }

        @Override
        public void setAsyncSendTimeout(long timeout) {
            delegate.setAsyncSendTimeout(timeout);
        }

        @Override
        public Session connectToServer(Object endpoint, URI path) throws DeploymentException, IOException {
            return delegate.connectToServer(endpoint, path);
        }

        @Override
        public Session connectToServer(Class<?> endpoint, URI path) throws DeploymentException, IOException {
            return delegate.connectToServer(endpoint, path);
        }

        @Override
        public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path)
                throws DeploymentException, IOException {
            return delegate.connectToServer(endpoint, config, path);
        }

        @Override
        public Session connectToServer(Class<? extends Endpoint> endpoint, ClientEndpointConfig config, URI path)
                throws DeploymentException, IOException {
            return delegate.connectToServer(endpoint, config, path);
        }

        @Override
        public long getDefaultMaxSessionIdleTimeout() {
            return delegate.getDefaultMaxSessionIdleTimeout();
        }

        @Override
        public void setDefaultMaxSessionIdleTimeout(long timeout) {
            delegate.setDefaultMaxSessionIdleTimeout(timeout);
        }

        @Override
        public int getDefaultMaxBinaryMessageBufferSize() {
            return delegate.getDefaultMaxBinaryMessageBufferSize();
        }

        @Override
        public void setDefaultMaxBinaryMessageBufferSize(int max) {
            delegate.setDefaultMaxBinaryMessageBufferSize(max);
        }

        @Override
        public int getDefaultMaxTextMessageBufferSize() {
            return delegate.getDefaultMaxTextMessageBufferSize();
        }

        @Override
        public void setDefaultMaxTextMessageBufferSize(int max) {
            delegate.setDefaultMaxTextMessageBufferSize(max);
        }

        @Override
        public Set<Extension> getInstalledExtensions() {
            return delegate.getInstalledExtensions();
        }
    }

    /** The endpoint's configuration with another configurator. */
    private record ViewingEndpointConfig(ServerEndpointConfig delegate, Configurator configurator)
            implements ServerEndpointConfig {

        @Override
        public Class<?> getEndpointClass() {
            return delegate.getEndpointClass();
        }

        @Override
        public String getPath() {
            return delegate.getPath();
        }

        @Override
        public List<String> getSubprotocols() {
            return delegate.getSubprotocols();
        }

        @Override
        public List<Extension> getExtensions() {
            return delegate.getExtensions();
        }

        @Override
        public Configurator getConfigurator() {
            return configurator;
        }

        @Override
        public List<Class<? extends Encoder>> getEncoders() {
            return delegate.getEncoders();
        }

        @Override
        public List<Class<? extends Decoder>> getDecoders() {
            return delegate.getDecoders();
        }

        @Override
        public Map<String, Object> getUserProperties() {
            return delegate.getUserProperties();
        }
    }

    /**
     * Delegates to the endpoint's configurator, handing it the session view at the handshake. The
     * delegate is replaced when the portal's servlet registers the same path again.
     */
    static final class ViewingConfigurator extends ServerEndpointConfig.Configurator {
        private static final AtomicBoolean WARNED = new AtomicBoolean();
        private volatile ServerEndpointConfig.Configurator delegate;
        private volatile Class<?> endpointClass;
        private volatile String contextName;

        ViewingConfigurator(ServerEndpointConfig config, String contextName) {
            replace(config, contextName);
        }

        void replace(ServerEndpointConfig config, String contextName) {
            this.delegate = config.getConfigurator();
            this.endpointClass = config.getEndpointClass();
            this.contextName = contextName;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                HandshakeResponse response) {
            delegate.modifyHandshake(config, new ViewingHandshakeRequest(request, view(request)), response);
        }

        private HttpSession view(HandshakeRequest request) {
            if (!(request.getHttpSession() instanceof HttpSession container)) {
                return null;
            }
            if (!ContextSessionView.usedByContext(container, contextName) && WARNED.compareAndSet(false, true)) {
                LOG.warn("WebSocket handshake: the HTTP session holds no attributes of context '{}'; "
                        + "push will report the session as expired", contextName);
            }
            return new ContextSessionView(container, contextName);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getEndpointInstance(Class<T> registeredClass) throws InstantiationException {
            // the class of the latest registration: a new Vaadin runtime brings its own
            return (T) delegate.getEndpointInstance(endpointClass);
        }

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return delegate.getNegotiatedSubprotocol(supported, requested);
        }

        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return delegate.getNegotiatedExtensions(installed, requested);
        }

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return delegate.checkOrigin(originHeaderValue);
        }
    }

    /** The handshake request with the session view. */
    private record ViewingHandshakeRequest(HandshakeRequest delegate, HttpSession session)
            implements HandshakeRequest {

        @Override
        public Map<String, List<String>> getHeaders() {
            return delegate.getHeaders();
        }

        @Override
        public Principal getUserPrincipal() {
            return delegate.getUserPrincipal();
        }

        @Override
        public URI getRequestURI() {
            return delegate.getRequestURI();
        }

        @Override
        public boolean isUserInRole(String role) {
            return delegate.isUserInRole(role);
        }

        @Override
        public Object getHttpSession() {
            return session;
        }

        @Override
        public Map<String, List<String>> getParameterMap() {
            return delegate.getParameterMap();
        }

        @Override
        public String getQueryString() {
            return delegate.getQueryString();
        }
    }
}
