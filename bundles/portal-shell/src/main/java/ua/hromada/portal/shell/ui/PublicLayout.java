package ua.hromada.portal.shell.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLayout;

import ua.hromada.portal.shell.core.PortalSettingsImpl;
import ua.hromada.portal.shell.core.ShellRegistry;
import ua.hromada.portal.shell.core.ShellRegistry.ViewEntry;

/**
 * Frame of public pages (no sign-in): a skip link to the content, the community's name, the
 * public navigation (home and the modules' public entries, read again on every navigation) and
 * the employees' sign-in.
 */
public class PublicLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private static final long serialVersionUID = 1L;
    static final String CONTENT_ID = "public-content";

    private final transient ShellRegistry registry;
    private final Main content = new Main();
    private final Nav nav = new Nav();

    public PublicLayout(PortalSettingsImpl settings, ShellRegistry registry) {
        this.registry = registry;
        setId("public-layout");
        setSizeFull();
        HorizontalLayout bar = new HorizontalLayout();
        bar.setWidthFull();
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-l)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("box-sizing", "border-box");
        if (settings.logoSrc() != null) {
            Image logo = new Image(settings.logoSrc(), settings.communityName(getLocale()));
            logo.setId("community-logo");
            logo.setHeight("36px");
            bar.add(logo);
        }
        Span name = new Span(settings.communityName(getLocale()));
        name.setId("public-community-name");
        name.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        nav.setId("public-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("public.nav.label"));
        nav.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        Anchor signIn = new Anchor(LoginView.ROUTE, getTranslation("public.signIn"));
        signIn.setId("public-sign-in");
        signIn.getElement().setAttribute("router-ignore", true);
        bar.add(name, nav, signIn);
        bar.expand(name);
        Header header = new Header(bar);
        content.setId(CONTENT_ID);
        // the skip link moves the focus here; -1: focusable by script only, not a tab stop
        content.getElement().setAttribute("tabindex", "-1");
        content.getStyle().set("padding", "var(--lumo-space-l)").set("max-width", "1200px").set("margin", "0 auto")
                .set("display", "block").set("outline", "none");
        add(skipLink(), header, content);
    }

    /**
     * «Перейти до змісту», the first tab stop, shown only while focused. The page has a base
     * address, so a plain #fragment would lead to the root: the click moves the focus itself.
     */
    private Anchor skipLink() {
        Anchor skip = new Anchor("#" + CONTENT_ID, getTranslation("public.skip"));
        skip.setId("public-skip");
        skip.getStyle().set("position", "absolute").set("left", "-10000px").set("top", "var(--lumo-space-s)")
                .set("z-index", "10").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", "var(--lumo-base-color)").set("border", "2px solid var(--lumo-primary-color)");
        skip.getElement().executeJs("const link = this;"
                + " link.addEventListener('focus', () => link.style.left = 'var(--lumo-space-s)');"
                + " link.addEventListener('blur', () => link.style.left = '-10000px');"
                + " link.addEventListener('click', e => { e.preventDefault();"
                + " const main = document.getElementById($0); if (main) { main.focus(); } });", CONTENT_ID);
        return skip;
    }

    /** Home and the public entries, the current page marked for assistive technology. */
    private void buildNav(String currentRoute) {
        nav.removeAll();
        nav.add(navLink(".", getTranslation("menu.dashboard"), "public-nav-home", currentRoute.isEmpty()
                || currentRoute.equals(PublicHomeView.ROUTE)));
        for (ViewEntry entry : registry.publicEntries(this::getTranslation)) {
            Anchor link = navLink(entry.route(), getTranslation(entry.view().titleKey()),
                    "public-nav-" + PublicHomeView.idOf(entry.route()), currentRoute.equals(entry.route()));
            link.getElement().setAttribute("data-route", entry.route());
            nav.add(link);
        }
    }

    private static Anchor navLink(String href, String text, String id, boolean current) {
        Anchor link = new Anchor(href, text);
        link.addClassName("public-nav-link");
        link.setId(id);
        if (current) {
            link.getElement().setAttribute("aria-current", "page");
        }
        return link;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        buildNav(event.getLocation().getPath());
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }
}
