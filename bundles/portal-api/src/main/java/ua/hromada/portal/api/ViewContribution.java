package ua.hromada.portal.api;

import com.vaadin.flow.component.Component;

/**
 * A view a module adds to the portal: one small DS component per menu entry (the Liferay
 * PanelApp model). The shell registers the route when the service appears and removes it when
 * the service goes away.
 */
public interface ViewContribution {

    /** Route path without leading slash, e.g. {@code oks/violations}. Unique in the portal. */
    String route();

    /** Resource-bundle key of the menu and page title. */
    String titleKey();

    /** Vaadin icon name, e.g. {@code vaadin:map-marker}; may be null. */
    default String icon() {
        return null;
    }

    /** Menu section (module) key; its title is looked up as {@code menu.section.<key>}. */
    String section();

    /** Position in the section, smaller first. */
    default int order() {
        return 100;
    }

    /**
     * Permission the user must hold to open the view; null means any signed-in user, and
     * {@code PortalUser.anyOf("oks.view", "oks.inspect")} ("a|b") any one of several.
     */
    String requiredPermission();

    /** Whether the view appears in the side navigation (false for detail pages). */
    default boolean inMenu() {
        return true;
    }

    /**
     * Whether anyone may open the view without signing in — a page for residents. Public views
     * are shown in a plain public frame (community name, sign-in link), not in the portal menu.
     */
    default boolean isPublic() {
        return false;
    }

    /** The Vaadin component class routed to {@link #route()}. */
    Class<? extends Component> viewClass();

    /**
     * Creates the view instance. Modules override it to pass their services into the view's
     * constructor instead of reaching for static state.
     */
    default Component createView() {
        try {
            return viewClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create view " + viewClass().getName(), e);
        }
    }
}
