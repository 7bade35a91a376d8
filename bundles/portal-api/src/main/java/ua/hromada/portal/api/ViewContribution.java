package ua.hromada.portal.api;

import com.vaadin.flow.component.Component;

/**
 * A page a module adds to the portal: one small DS component per page (the Liferay PanelApp
 * model). What the shell needs to route and list the page (route, title, section, order,
 * permission, ...) are the service's properties, written with {@link PortalView} on the
 * component; the shell reads them without activating the component, and gets the service only
 * to create a view. The component references exactly the services its view needs, one
 * {@code @Reference} per service, and passes them to the view's constructor.
 *
 * <pre>
 * &#64;Component(service = ViewContribution.class)
 * &#64;PortalView(route = "oks/map", title = "oks.ui.menu.map", section = "oks", icon = "vaadin:map-marker",
 *         order = 10, permission = "oks.view", view = MapView.class)
 * public class MapContribution implements ViewContribution {
 *     &#64;Reference
 *     private Violations violations;
 *
 *     &#64;Override
 *     public Component createView() {
 *         return new MapView(violations);
 *     }
 * }
 * </pre>
 */
public interface ViewContribution {

    /**
     * Creates the view routed to the page (runs in the UI thread, once per navigation to it). Its
     * class is the {@link PortalView#view()} of this component.
     */
    Component createView();
}
