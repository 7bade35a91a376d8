package ua.hromada.portal.vaadin;

import java.io.IOException;
import java.util.Set;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.NavigationEvent;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.SessionExpiredException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;

import org.slf4j.LoggerFactory;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * VaadinServlet for the OSGi servlet whiteboard. The whiteboard runs no
 * ServletContainerInitializer and the thread context class loader is not the one that sees
 * Vaadin's resources, so the steps a web container would do are done here by hand.
 */
public class PortalVaadinServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;
    private static final String SERVER_CONTAINER = "jakarta.websocket.server.ServerContainer";
    /**
     * A plain reference to the VaadinSession, kept beside Vaadin's own attribute: Felix stores
     * the VaadinSession (a session binding listener) wrapped, so a push WebSocket, which sees the
     * container session through {@link ContextSessionView}, can only read this one.
     */
    private static final String SESSION_REFERENCE = "ua.hromada.portal.vaadin.SessionReference";

    private final transient PortalApplication application;
    private final transient ClassLoader runtimeLoader = VaadinServlet.class.getClassLoader();

    public PortalVaadinServlet(PortalApplication application) {
        this.application = application;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        withRuntimeLoader(() -> {
            ServletContext context = config.getServletContext();
            // 1. Lookup: without it VaadinServlet.init returns silently with no service.
            new LookupServletContainerInitializer().process(Set.of(LookupInitializer.class), context);
            // 2. App shell: @Push and @Meta are read from the configurator class.
            VaadinAppShellInitializer.init(Set.of(application.appShellClass()),
                    new VaadinServletContext(context));
            // 3. WebSocket push: Atmosphere must see this context's view of the session at the
            //    handshake (ContextSessionView); before super.init, which starts Atmosphere.
            if (context.getAttribute(SERVER_CONTAINER) == null
                    || !WebSocketSessions.install(context, context.getServletContextName())) {
                LoggerFactory.getLogger(PortalVaadinServlet.class).warn("No Jakarta WebSocket container in the "
                        + "servlet context (org.apache.felix.jakarta.websocket.enable); push falls back to "
                        + "long polling, which holds one of the browser's six connections per open tab");
            }
            super.init(config);
            return null;
        });
    }

    @Override
    protected void servletInitialized() throws ServletException {
        super.servletInitialized();
        application.serviceInitialized(getService());
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        VaadinServletService service = new VaadinServletService(this, configuration) {
            private static final long serialVersionUID = 1L;

            // read once while the servlet is initialised: a push message still in flight after a
            // shell restart reaches this service when the servlet's config is already gone
            private final String referenceName = SESSION_REFERENCE + "." + PortalVaadinServlet.this.getServletName();
            // what super.getSessionAttributeName() gives, read once for the same reason
            private final String sessionName = VaadinSession.class.getName() + "." + PortalVaadinServlet.this.getServletName();
            // super asks the servlet, whose config is gone after a shell restart; the session lock's
            // name is built from it when a closed tab's push connection is cleaned up late
            private final String serviceName = PortalVaadinServlet.this.getServletName();

            @Override
            public String getServiceName() {
                return serviceName;
            }

            @Override
            protected Instantiator createInstantiator() {
                return new PortalInstantiator(this, application);
            }

            @Override
            public void requestStart(VaadinRequest request, VaadinResponse response) {
                // a push message over the WebSocket reaches no servlet filter: bind its community here
                CommunitySessions.start(application.communities(), request);
                super.requestStart(request, response);
            }

            @Override
            public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
                try {
                    super.requestEnd(request, response, session);
                } finally {
                    CommunitySessions.end(request);
                }
            }

            @Override
            protected String getSessionAttributeName() {
                return CommunitySessions.attribute(sessionName, application.communities());
            }

            @Override
            protected VaadinSession createVaadinSession(VaadinRequest request) {
                return new CommunitySessions.CommunitySession(this, application.communities().current().id());
            }

            @Override
            public VaadinSession findVaadinSession(VaadinRequest request) throws SessionExpiredException {
                // bound for this thread here, whatever requestStart bound: a lost push connection is
                // looked up without requestStart, and Atmosphere can hand its request object to two
                // threads at once, so a binding kept on the request was closed by the wrong thread
                try (var bound = CommunitySessions.enter(application.communities(), request)) {
                    VaadinSession session = super.findVaadinSession(request);
                    if (session instanceof CommunitySessions.CommunitySession own
                            && !own.community().equals(application.communities().current().id())) {
                        // kept apart by the attribute name already; a session never serves another community
                        throw new SessionExpiredException();
                    }
                    return session;
                }
            }

            @Override
            protected VaadinSession loadSession(WrappedSession wrappedSession) {
                if (isWebSocketView(wrappedSession)) {
                    // keep the VaadinSession bound to the session of its last HTTP request
                    // (super would rebind it to this view)
                    return readFromHttpSession(wrappedSession);
                }
                return super.loadSession(wrappedSession);
            }

            @Override
            protected VaadinSession readFromHttpSession(WrappedSession wrappedSession) {
                if (isWebSocketView(wrappedSession)) {
                    Object reference = wrappedSession.getAttribute(referenceName());
                    return reference instanceof SessionReference r ? r.session() : null;
                }
                return super.readFromHttpSession(wrappedSession);
            }

            @Override
            protected void writeToHttpSession(WrappedSession wrappedSession, VaadinSession session) {
                super.writeToHttpSession(wrappedSession, session);
                wrappedSession.setAttribute(referenceName(), new SessionReference(session));
            }

            @Override
            protected void removeFromHttpSession(WrappedSession wrappedSession) {
                super.removeFromHttpSession(wrappedSession);
                wrappedSession.removeAttribute(referenceName());
            }

            private String referenceName() {
                return CommunitySessions.attribute(referenceName, application.communities());
            }
        };
        service.setClassLoader(runtimeLoader);
        service.init();
        return service;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(runtimeLoader);
        try {
            super.service(request, response);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void destroy() {
        VaadinServletService service = getService();
        if (service != null) {
            application.serviceDestroyed(service);
        }
        super.destroy();
    }

    private static boolean isWebSocketView(WrappedSession session) {
        return session instanceof WrappedHttpSession wrapped
                && wrapped.getHttpSession() instanceof ContextSessionView;
    }

    /** Not a session binding listener, so Felix stores it as it is. */
    private record SessionReference(VaadinSession session) {
    }

    private interface ServletStep {
        Object run() throws ServletException;
    }

    private Object withRuntimeLoader(ServletStep step) throws ServletException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(runtimeLoader);
        try {
            return step.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Instantiator that lets the application build views with their services. */
    static final class PortalInstantiator extends DefaultInstantiator {
        private static final long serialVersionUID = 1L;
        private final transient PortalApplication application;

        PortalInstantiator(VaadinServletService service, PortalApplication application) {
            super(service);
            this.application = application;
        }

        @Override
        public <T extends HasElement> T createRouteTarget(Class<T> routeTargetType, NavigationEvent event) {
            return application.createRouteTarget(routeTargetType)
                    .orElseGet(() -> super.createRouteTarget(routeTargetType, event));
        }

        @Override
        public I18NProvider getI18NProvider() {
            return application.i18nProvider();
        }
    }
}
