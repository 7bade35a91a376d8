package ua.hromada.portal.shell.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.VaadinSession;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.shell.core.CurrentUserImpl;
import ua.hromada.portal.shell.core.ShellMessages;
import ua.hromada.portal.shell.core.ShellRegistry;
import ua.hromada.portal.shell.core.ShellRegistry.ViewEntry;
import ua.hromada.portal.shell.core.PortalSettingsImpl;
import ua.hromada.portal.shell.core.NotificationsImpl;
import ua.hromada.portal.ui.support.ComponentTexts;

/**
 * The portal frame: header with the community's name, global search and user menu; side
 * navigation grouped by module, rebuilt by push whenever a module comes or goes.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver, NotificationsImpl.OpenPage {

    private static final long serialVersionUID = 1L;

    private final transient ShellRegistry registry;
    private final transient NotificationsImpl uiTracker;
    private final transient CurrentUserImpl currentUser;
    private final transient PortalSettingsImpl settings;
    private final transient ShellMessages messages;
    private final Scroller navScroller = new Scroller();
    private final Span pageTitle = new Span();
    /** The signed-in user the menu was built for; follows role changes (see afterNavigation). */
    private PortalUser user;
    private UI ui;

    public MainLayout(ShellRegistry registry, NotificationsImpl uiTracker, CurrentUserImpl currentUser,
            PortalSettingsImpl settings, ShellMessages messages) {
        this.registry = registry;
        this.uiTracker = uiTracker;
        this.currentUser = currentUser;
        this.settings = settings;
        this.messages = messages;
        this.user = currentUser.get().orElse(null);
        setPrimarySection(Section.DRAWER);
        Locale locale = UI.getCurrent().getLocale();

        HorizontalLayout brand = new HorizontalLayout();
        brand.setId("portal-brand");
        brand.setAlignItems(FlexComponent.Alignment.CENTER);
        brand.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        if (settings.logoSrc() != null) {
            Image logo = new Image(settings.logoSrc(), settings.communityName(locale));
            logo.setId("community-logo");
            logo.setHeight("40px");
            brand.add(logo);
        }
        Span name = new Span(settings.communityName(locale));
        name.getStyle().set("font-weight", "600");
        brand.add(name);
        navScroller.getStyle().set("padding", "var(--lumo-space-s)");
        addToDrawer(brand, navScroller);

        pageTitle.setId("page-title");
        pageTitle.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600")
                .set("min-width", "0").set("overflow", "hidden").set("text-overflow", "ellipsis")
                .set("white-space", "nowrap");
        TextField search = new TextField();
        search.setId("global-search");
        // fits a 390 px phone beside the menu button and the avatar: a share of the width, never
        // less than a few letters, never more than on a desktop
        search.setWidth("clamp(6em, 30vw, 18em)");
        search.setMinWidth("6em");
        search.getElement().setAttribute("aria-label", getTranslation("search.placeholder"));
        search.setPlaceholder(getTranslation("search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.addKeyPressListener(Key.ENTER, e -> {
            String q = search.getValue().trim();
            if (!q.isEmpty()) {
                new SearchDialog(registry, user, q).open();
            }
        });
        HorizontalLayout header = new HorizontalLayout(ComponentTexts.drawerToggle(new DrawerToggle()), pageTitle,
                search, userMenu());
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(pageTitle);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);
        buildMenu();
    }

    private MenuBar userMenu() {
        MenuBar menu = ComponentTexts.menuBar(new MenuBar());
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        String display = user == null ? "" : user.displayName();
        Avatar avatar = new Avatar(display);
        avatar.setI18n(new Avatar.AvatarI18n().setAnonymous(getTranslation("user.anonymous")));
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        Span name = new Span(display);
        // the name gives way first on a narrow screen (none on a phone), the avatar stays
        name.getStyle().set("max-width", "clamp(0px, calc(100vw - 540px), 14em)").set("overflow", "hidden")
                .set("text-overflow", "ellipsis").set("white-space", "nowrap");
        HorizontalLayout label = new HorizontalLayout(avatar, name);
        label.setAlignItems(FlexComponent.Alignment.CENTER);
        label.setSpacing(true);
        MenuItem root = menu.addItem(label);
        SubMenu sub = root.getSubMenu();
        sub.addItem(getTranslation("user.profile"), e -> UI.getCurrent().navigate(ProfileView.ROUTE));
        MenuItem language = sub.addItem(getTranslation("user.language"));
        language.getSubMenu().addItem("Українська", e -> switchLanguage(Locale.forLanguageTag("uk")));
        language.getSubMenu().addItem("English", e -> switchLanguage(Locale.ENGLISH));
        sub.addItem(getTranslation("user.logout"), e -> logout()).setId("logout");
        return menu;
    }

    private void switchLanguage(Locale locale) {
        VaadinSession.getCurrent().setAttribute(ua.hromada.portal.shell.core.ShellApplication.LANGUAGE_ATTRIBUTE, locale);
        UI.getCurrent().getPage().reload();
    }

    private void logout() {
        VaadinSession session = VaadinSession.getCurrent();
        UI.getCurrent().getPage().setLocation(LoginView.ROUTE);
        session.getSession().invalidate();
        session.close();
    }

    /** Rebuilds the side navigation from the contributions the user may open. */
    private void buildMenu() {
        SideNav root = new SideNav();
        root.setId("portal-menu");
        SideNavItem home = new SideNavItem(getTranslation("menu.dashboard"), "", VaadinIcon.HOME.create());
        root.addItem(home);
        Map<String, SideNav> sections = new LinkedHashMap<>();
        List<ViewEntry> entries = registry.menuFor(user);
        // the shell's own admin section goes last
        entries.sort((a, b) -> Boolean.compare("admin".equals(a.view().section()),
                "admin".equals(b.view().section())));
        for (ViewEntry entry : entries) {
            String section = entry.view().section();
            SideNav nav = sections.computeIfAbsent(section, s -> {
                SideNav n = new SideNav(getTranslation("menu.section." + s));
                n.setCollapsible(true);
                n.setId("menu-section-" + s);
                return n;
            });
            SideNavItem item = new SideNavItem(getTranslation(entry.view().titleKey()), entry.route());
            String icon = entry.view().icon();
            if (icon != null && icon.contains(":")) {
                String[] parts = icon.split(":", 2);
                item.setPrefixComponent(new Icon(parts[0], parts[1]));
            }
            item.getElement().setAttribute("data-route", entry.route());
            nav.addItem(item);
        }
        com.vaadin.flow.component.orderedlayout.VerticalLayout all = new com.vaadin.flow.component.orderedlayout.VerticalLayout(root);
        all.setPadding(false);
        sections.values().forEach(all::add);
        navScroller.setContent(all);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // the shell's access check re-read the user if an account or role changed: the menu follows
        PortalUser now = currentUser.get().orElse(null);
        if (now != null && !now.equals(user)) {
            user = now;
            buildMenu();
        }
        String path = event.getLocation().getPath();
        // by the view's class, so routes with parameters (docs/act/:id) get their title too
        List<com.vaadin.flow.component.HasElement> chain = event.getActiveChain();
        String title = path.isEmpty() ? getTranslation("menu.dashboard")
                : chain.isEmpty() ? ""
                        : registry.byViewClass(chain.get(0).getClass())
                                .map(e -> getTranslation(e.view().titleKey())).orElse("");
        pageTitle.setText(title);
        UI.getCurrent().getPage().setTitle(title.isEmpty() ? settings.communityName()
                : title + " · " + settings.communityName());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        ui = attachEvent.getUI();
        uiTracker.register(this);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        uiTracker.unregister(this);
        ui = null;
        super.onDetach(detachEvent);
    }

    @Override
    public UI ui() {
        return ui;
    }

    @Override
    public PortalUser user() {
        return user;
    }

    @Override
    public void contributionsChanged(java.util.Set<Class<?>> removedViews) {
        buildMenu();
        UI current = ui;
        if (removedViews.isEmpty() || current == null) {
            return;
        }
        List<com.vaadin.flow.component.HasElement> chain = current.getInternals().getActiveRouterTargetsChain();
        if (!chain.isEmpty() && removedViews.contains(chain.get(0).getClass())) {
            current.navigate("");
            Notification n = Notification.show(messages.getTranslation("module.gone", current.getLocale()), 6000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        }
    }
}
