package ua.hromada.portal.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

import com.vaadin.flow.component.Component;

/**
 * The service properties of a {@link ViewContribution}: written on the DS component, turned into
 * {@code hromada.view.*} properties at build time (a component property type), read by the shell
 * from the service reference without activating the component.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PortalView {

    /** Prefix of the property names: {@code route()} becomes {@code hromada.view.route}. */
    String PREFIX_ = "hromada.view.";

    /** Property names, for those reading the properties (the shell). */
    String ROUTE = PREFIX_ + "route";
    String TITLE = PREFIX_ + "title";
    String SECTION = PREFIX_ + "section";
    String ICON = PREFIX_ + "icon";
    String ORDER = PREFIX_ + "order";
    String PERMISSION = PREFIX_ + "permission";
    String MENU = PREFIX_ + "menu";
    String OPEN = PREFIX_ + "open";
    String VIEW = PREFIX_ + "view";
    String SUMMARY = PREFIX_ + "summary";

    /** Route path without leading slash, e.g. {@code oks/violations}. Unique in the portal. */
    String route();

    /** Resource-bundle key of the menu and page title. */
    String title();

    /** Menu section (module) key; its title is looked up as {@code menu.section.<key>}. */
    String section();

    /** Vaadin icon name, e.g. {@code vaadin:map-marker}; empty for none. */
    String icon() default "";

    /** Position in the section, smaller first. */
    int order() default 100;

    /**
     * Permission the user must hold to open the page; empty means any signed-in user, and
     * {@code "a|b"} (as {@link PortalUser#anyOf} writes it) any one of several.
     */
    String permission() default "";

    /**
     * Whether the page appears in the side navigation (false for detail pages). An {@link #open()}
     * page with {@code menu = true} is a public entry: a tile on the public home page (the portal's
     * root for anyone not signed in) and a link in the public frame.
     */
    boolean menu() default true;

    /**
     * Whether anyone may open the page without signing in — a page for residents. Open pages are
     * shown in a plain public frame (community name, sign-in link), not in the portal menu.
     */
    boolean open() default false;

    /**
     * The Vaadin component class routed to {@link #route()}, the class of the views
     * {@link ViewContribution#createView()} creates (a property holds its name; the shell loads
     * it from the contributing bundle).
     */
    Class<? extends Component> view();

    /**
     * Resource-bundle key of a one-line description of the page, shown on its tile of the public
     * home page (open pages with {@code menu = true}); empty for none.
     */
    String summary() default "";
}
