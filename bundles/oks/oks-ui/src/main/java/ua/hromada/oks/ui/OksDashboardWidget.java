package ua.hromada.oks.ui;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;

import ua.hromada.oks.api.ViolationQueryParams;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.ui.view.ListFilters;
import ua.hromada.oks.ui.view.OksUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.DashboardWidget;
import ua.hromada.portal.api.PortalUser;

/**
 * The OKS card on the home page: current, overdue, unassigned (not for executors, who never see
 * such cases) and awaiting-confirmation counts, each opening the list filtered to exactly what it counts.
 */
@Component(service = DashboardWidget.class)
public class OksDashboardWidget implements DashboardWidget {

    @Reference
    private Violations violations;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String titleKey() {
        return "oks.ui.widget.title";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String requiredPermission() {
        return OksUi.READ;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        UI ui = UI.getCurrent();
        PortalUser user = currentUser.get().orElse(null);
        if (!OksUi.mayRead(user)) {
            return new Paragraph(ui.getTranslation("oks.ui.noAccess"));
        }
        Violations.Summary s = violations.summary(user);
        Div box = new Div();
        box.setId("oks-widget");
        box.getStyle().set("display", "grid").set("grid-template-columns", "1fr 1fr").set("gap", "var(--lumo-space-s)")
                .set("width", "100%");
        box.add(number(ui, "current", s.current(), Map.of()));
        box.add(number(ui, "overdue", s.overdue(), Map.of("overdue", List.of("true"))));
        if (ListFilters.seesAll(user)) {
            // an executor never sees an unassigned case: for them the number is always 0
            box.add(number(ui, "unassigned", s.unassigned(), Map.of("group", List.of("UNASSIGNED"))));
        }
        // what "awaiting confirmation" counts is the service's answer, as the list's filter
        box.add(number(ui, "awaiting", s.awaitingConfirmation(),
                ViolationQueryParams.toParameters(violations.awaitingConfirmation())));
        return box;
    }

    private static Anchor number(UI ui, String key, long value, Map<String, List<String>> params) {
        String query = new QueryParameters(params).getQueryString();
        Span n = new Span(Long.toString(value));
        n.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600").set("display", "block");
        if ("overdue".equals(key) && value > 0) {
            n.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        Span label = new Span(ui.getTranslation("oks.ui.widget." + key));
        label.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Anchor a = new Anchor(OksUi.LIST_ROUTE + (query.isEmpty() ? "" : "?" + query), n, label);
        a.setId("oks-widget-" + key);
        a.getElement().setAttribute("data-count", Long.toString(value));
        a.getStyle().set("text-decoration", "none").set("color", "inherit");
        return a;
    }
}
