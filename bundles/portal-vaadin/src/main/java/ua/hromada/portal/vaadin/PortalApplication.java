package ua.hromada.portal.vaadin;

import java.util.Optional;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinServletService;

import ua.hromada.portal.api.community.Communities;

/**
 * What the servlet needs from the application that runs on it (the portal shell). Keeps this
 * runtime bundle free of portal logic, so it only changes with Vaadin.
 */
public interface PortalApplication {

    /** Class carrying @Push, @Meta etc. (an AppShellConfigurator). */
    Class<?> appShellClass();

    I18NProvider i18nProvider();

    /**
     * Creates route targets and layouts with their dependencies (no static lookups); empty means
     * "let Vaadin instantiate it by reflection".
     */
    <T> Optional<T> createRouteTarget(Class<T> type);

    /**
     * The communities the portal serves: each Vaadin request and push message runs bound to the
     * community of its host name, and a session belongs to the community it began in.
     */
    Communities communities();

    /** Called once a servlet instance is initialised: register routes and listeners here. */
    void serviceInitialized(VaadinServletService service);

    /** Called when a servlet instance is destroyed (Jetty restart, bundle stop). */
    void serviceDestroyed(VaadinServletService service);
}
