package ua.hromada.portal.shell.core;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

import jakarta.servlet.Servlet;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.shell.core.ShellRegistry.ViewChange;
import ua.hromada.portal.shell.core.ShellRegistry.ViewEntry;
import ua.hromada.portal.shell.http.ClientGone;
import ua.hromada.portal.shell.http.VaadinRoutes;
import ua.hromada.portal.shell.ui.DashboardView;
import ua.hromada.portal.shell.ui.ForbiddenView;
import ua.hromada.portal.shell.ui.LoginView;
import ua.hromada.portal.shell.ui.MainLayout;
import ua.hromada.portal.shell.ui.NotFoundView;
import ua.hromada.portal.shell.ui.PassingFailure;
import ua.hromada.portal.shell.ui.PortalAppShell;
import ua.hromada.portal.shell.ui.PublicHomeView;
import ua.hromada.portal.shell.ui.PublicLayout;
import ua.hromada.portal.shell.ui.ServerErrorView;
import ua.hromada.portal.vaadin.PortalApplication;
import ua.hromada.portal.vaadin.PortalVaadinServlet;
import ua.hromada.portal.vaadin.RuntimeContextHelper;

/**
 * Puts the portal on the HTTP whiteboard and keeps Vaadin's route registry in step with the
 * views modules contribute. Routes are added and removed at run time; open pages follow by push.
 */
@Component(immediate = true, service = {})
public class ShellApplication implements PortalApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ShellApplication.class);
    public static final String CONTEXT_NAME = ua.hromada.portal.api.PortalHttp.CONTEXT_NAME;
    /** Session attribute with the language the user picked in the user menu. */
    public static final String LANGUAGE_ATTRIBUTE = "hromada.language";
    public static final String CONTEXT_SELECT = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
            + CONTEXT_NAME + ")";

    @Reference
    private ShellRegistry registry;
    @Reference
    private ShellMessages messages;
    @Reference
    private NotificationsImpl uiTracker;
    @Reference
    private CurrentUserImpl currentUser;
    @Reference
    private UserAccounts accounts;
    @Reference
    private PortalSettingsImpl settings;
    @Reference
    private VaadinRoutes vaadinRoutes;
    @Reference
    private Communities communities;

    private final List<VaadinServletService> services = new CopyOnWriteArrayList<>();
    private final Consumer<ViewChange> listener = this::onViewChange;
    private ServiceRegistration<ServletContextHelper> contextRegistration;
    private ServiceRegistration<?> servletRegistration;

    @Activate
    void activate(BundleContext context) {
        registry.addListener(listener);
        Dictionary<String, Object> contextProps = new Hashtable<>();
        contextProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, CONTEXT_NAME);
        contextProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, "/");
        contextRegistration = context.registerService(ServletContextHelper.class, new RuntimeContextHelper(),
                contextProps);

        Dictionary<String, Object> servletProps = new Hashtable<>();
        servletProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "hromada-portal");
        servletProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/*");
        servletProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED, Boolean.TRUE);
        servletProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT, CONTEXT_SELECT);
        servletProps.put("servlet.init.productionMode", "true");
        // heartbeats alone must not keep an idle employee signed in past the session timeout
        servletProps.put("servlet.init.closeIdleSessions", "true");
        servletProps.put("servlet.init.pushMode", "automatic");
        // where the push WebSocket endpoint is registered (/VAADIN/push); Atmosphere cannot read
        // the servlet's mapping from the whiteboard and would not register it at all
        servletProps.put("servlet.init.pushServletMapping", "/");
        // an open page proves it is alive every minute, so a session without sign-in can expire
        // after a few minutes (session.anonymous.timeout.minutes) without closing open pages
        servletProps.put("servlet.init.heartbeatInterval", "60");
        // Felix re-initialises servlets when Jetty restarts; a VaadinServlet cannot be initialised
        // twice, so every initialisation gets a fresh instance
        servletRegistration = context.registerService(Servlet.class.getName(),
                new PrototypeServiceFactory<Servlet>() {
                    @Override
                    public Servlet getService(org.osgi.framework.Bundle bundle,
                            ServiceRegistration<Servlet> registration) {
                        return new PortalVaadinServlet(ShellApplication.this);
                    }

                    @Override
                    public void ungetService(org.osgi.framework.Bundle bundle,
                            ServiceRegistration<Servlet> registration, Servlet service) {
                        // destroy() already ran; nothing else holds resources
                    }
                }, servletProps);
        LOG.info("Hromada portal servlet registered");
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(listener);
        if (servletRegistration != null) {
            servletRegistration.unregister();
        }
        if (contextRegistration != null) {
            contextRegistration.unregister();
        }
        services.clear();
    }

    @Override
    public Class<?> appShellClass() {
        return PortalAppShell.class;
    }

    @Override
    public Communities communities() {
        return communities;
    }

    @Override
    public I18NProvider i18nProvider() {
        return messages;
    }

    @Override
    public <T> Optional<T> createRouteTarget(Class<T> type) {
        Object created = null;
        if (type == MainLayout.class) {
            created = new MainLayout(registry, uiTracker, currentUser, settings, messages);
        } else if (type == PublicLayout.class) {
            created = new PublicLayout(settings, registry);
        } else if (type == PublicHomeView.class) {
            created = new PublicHomeView(registry, settings);
        } else if (type == DashboardView.class) {
            created = new DashboardView(registry, currentUser, accounts);
        } else if (type == LoginView.class) {
            created = new LoginView(accounts, currentUser, settings);
        } else {
            Optional<ViewEntry> entry = registry.byViewClass(type);
            if (entry.isPresent()) {
                created = entry.get().createView();
            }
        }
        return Optional.ofNullable(type.cast(created));
    }

    @Override
    public void serviceInitialized(VaadinServletService service) {
        services.add(service);
        vaadinRoutes.serviceInitialized(service);
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(service.getContext());
        RouteConfiguration config = RouteConfiguration.forRegistry(routes);
        config.update(() -> {
            config.setRoute("", DashboardView.class, List.of(MainLayout.class));
            config.setRoute("forbidden", ForbiddenView.class, List.of(MainLayout.class));
            config.setRoute(LoginView.ROUTE, LoginView.class);
            config.setRoute(PublicHomeView.ROUTE, PublicHomeView.class, List.of(PublicLayout.class));
            for (ViewEntry entry : registry.views()) {
                addRoute(config, entry);
            }
        });
        routes.setErrorNavigationTargets(Set.of(NotFoundView.class, ServerErrorView.class));
        service.addSessionInitListener(event -> event.getSession().setErrorHandler(this::handleError));
        service.addUIInitListener(event -> {
            com.vaadin.flow.component.UI ui = event.getUI();
            // Ukrainian (or the configured language) unless the user chose another in this session
            Object chosen = ui.getSession().getAttribute(LANGUAGE_ATTRIBUTE);
            ui.setLocale(chosen instanceof java.util.Locale l ? l : settings.defaultLocale());
            ui.addBeforeEnterListener(this::checkAccess);
            connectionTexts(ui);
            // the page's language for screen readers and browsers (WCAG 3.1.1)
            ui.getPage().executeJs("document.documentElement.lang = $0", ui.getLocale().getLanguage());
        });
        LOG.info("Vaadin service initialised with {} module views", registry.views().size());
    }

    @Override
    public void serviceDestroyed(VaadinServletService service) {
        services.remove(service);
        vaadinRoutes.serviceDestroyed(service);
    }

    /**
     * The connection indicator's texts ("Online", "Connection lost", ...) in the page's language:
     * Vaadin has no Java API for them, the page-wide indicator object takes them.
     */
    private void connectionTexts(com.vaadin.flow.component.UI ui) {
        java.util.Locale locale = ui.getLocale();
        ui.getPage().executeJs("const c = window.Vaadin && window.Vaadin.connectionIndicator;"
                + " if (c) { c.onlineText = $0; c.offlineText = $1; c.reconnectingText = $2; }",
                messages.getTranslation("connection.online", locale),
                messages.getTranslation("connection.offline", locale),
                messages.getTranslation("connection.reconnecting", locale));
    }

    private void addRoute(RouteConfiguration config, ViewEntry entry) {
        List<Class<? extends RouterLayout>> parents = List.of(
                entry.view().isPublic() ? PublicLayout.class : MainLayout.class);
        try {
            config.setRoute(entry.route(), entry.viewClass(), parents);
        } catch (RuntimeException e) {
            LOG.error("Cannot register route '{}': {}", entry.route(), e.getMessage());
        }
    }

    private void onViewChange(ViewChange change) {
        for (VaadinServletService service : services) {
            RouteConfiguration config = RouteConfiguration
                    .forRegistry(ApplicationRouteRegistry.getInstance(service.getContext()));
            if (change.added() != null) {
                addRoute(config, change.added());
            }
            if (change.removed() != null) {
                config.removeRoute(change.removed().route());
            }
        }
        uiTracker.contributionsChanged(change.removed() == null ? null
                : change.removed().viewClass());
    }

    private void checkAccess(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        Optional<ViewEntry> entry = registry.byViewClass(target);
        if (entry.isPresent() && !registry.enabled(entry.get().module())) {
            // a module this community does not have: its pages are not there, as an unknown address
            event.rerouteToError(NotFoundException.class);
            return;
        }
        PortalUser user = currentUser.get().orElse(null);
        if (target == DashboardView.class && user == null) {
            // the root address: the public home page for anyone not signed in, the address kept
            event.rerouteTo(PublicHomeView.class);
            return;
        }
        boolean publicTarget = target == LoginView.class || target == NotFoundView.class
                || target == ServerErrorView.class || target == PublicHomeView.class
                || entry.map(e -> e.view().isPublic()).orElse(false);
        String permission = entry.map(e -> e.view().requiredPermission()).orElse(null);
        switch (AccessDecision.decide(publicTarget, permission, user)) {
            case LOGIN -> {
                String path = event.getLocation().getPathWithQueryParameters();
                if (!path.isEmpty()) {
                    VaadinSession.getCurrent().setAttribute(LoginView.RETURN_TO, path);
                }
                event.forwardTo(LoginView.class);
            }
            case FORBIDDEN -> {
                LOG.info("User '{}' refused '{}' (needs {})", user.username(), event.getLocation().getPath(),
                        permission);
                event.rerouteTo(ForbiddenView.class);
            }
            default -> {
            }
        }
    }

    /** Errors of UI events: a plain message with a reference id; details only in the log. */
    private void handleError(ErrorEvent event) {
        Throwable error = event.getThrowable();
        if (error instanceof UnsupportedOperationException && String.valueOf(error.getMessage())
                .startsWith("Unexpected message id from the client")) {
            // Vaadin's client and server disagree on a message number after concurrent requests
            // (e.g. the session id changing at sign-in); Vaadin resynchronises the page itself
            // (vaadin/flow#12640), so this is no error for the user to see
            LOG.warn("Vaadin client message out of order; the page resynchronises: {}", error.getMessage());
            return;
        }
        if (ClientGone.is(error)) {
            // the browser closed the connection while push wrote to it (a tab closed, a page left);
            // nobody is there to tell, and the next request resynchronises
            LOG.debug("Client connection closed during a write: {}", error.toString());
            return;
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        java.util.Optional<String> passing = PassingFailure.messageKey(error);
        if (passing.isPresent()) {
            // the pool busy under load or PostgreSQL away: the user waits and tries again
            LOG.warn("UI request not done [{}]: {}", id, error.toString());
        } else {
            LOG.error("UI error [{}]", id, error);
        }
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        if (ui != null) {
            Notification n = Notification.show(messages.getTranslation(passing.orElse("error.unexpected"),
                    ui.getLocale(), id),
                    8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
