package ua.hromada.portal.shell.ui;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.portal.api.DashboardWidget;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.shell.core.CurrentUserImpl;
import ua.hromada.portal.shell.core.ShellRegistry;

/** Home page: a card per dashboard widget the user may see. A failing widget stays in its card. */
public class DashboardView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DashboardView.class);
    private static final String WARNED = "hromada.defaultPasswordWarned";

    public DashboardView(ShellRegistry registry, CurrentUserImpl currentUser, UserAccounts accounts) {
        setId("dashboard");
        PortalUser user = currentUser.get().orElse(null);
        add(new H2(getTranslation("dashboard.welcome", user == null ? "" : user.displayName())));
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        // once per session: a reminder, not a nag on every visit to the home page
        if (user != null && user.hasPermission(PortalUser.ADMIN_PERMISSION) && session.getAttribute(WARNED) == null
                && accounts.defaultAdminPasswordInUse()) {
            session.setAttribute(WARNED, Boolean.TRUE);
            Notification n = new Notification(getTranslation("security.defaultPassword"), 10000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_WARNING);
            n.open();
        }
        List<DashboardWidget> widgets = registry.widgetsFor(user);
        if (widgets.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("dashboard.empty"));
            empty.setId("dashboard-empty");
            add(empty);
            return;
        }
        Div grid = new Div();
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(280px, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        for (DashboardWidget widget : widgets) {
            grid.add(card(widget));
        }
        add(grid);
    }

    private Component card(DashboardWidget widget) {
        VerticalLayout card = new VerticalLayout();
        card.addClassName("dashboard-widget");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("background", "var(--lumo-base-color)");
        card.add(new H3(getTranslation(widget.titleKey())));
        try {
            card.add(widget.create());
        } catch (RuntimeException e) {
            java.util.Optional<String> passing = PassingFailure.messageKey(e);
            if (passing.isPresent()) {
                String id = java.util.UUID.randomUUID().toString().substring(0, 8);
                LOG.warn("Dashboard widget {} not shown [{}]: {}", widget.getClass().getName(), id, e.toString());
                card.add(new Paragraph(getTranslation(passing.get(), id)));
            } else {
                LOG.error("Dashboard widget {} failed", widget.getClass().getName(), e);
                card.add(new Paragraph(getTranslation("dashboard.widgetFailed")));
            }
        }
        return card;
    }
}
