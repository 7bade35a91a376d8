package ua.hromada.eservices.ui.appeals;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;

import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.eservices.api.Appeals;
import ua.hromada.eservices.ui.EservicesUi;
import ua.hromada.portal.api.PortalUser;

/**
 * The handler's card on the home page: the open appeals of the user's units (new, in work) and how
 * many are overdue, each number opening the inbox filtered to exactly what it counts.
 */
public final class AppealsWidget extends Div {
    private static final long serialVersionUID = 1L;

    public AppealsWidget(Appeals appeals, PortalUser user) {
        setId("eservices-appeals-widget");
        if (user == null) {
            add(new Paragraph(getTranslation("eservices.ui.appeal.widget.noUser")));
            return;
        }
        getStyle().set("display", "grid").set("grid-template-columns", "1fr 1fr 1fr").set("gap", "var(--lumo-space-s)")
                .set("width", "100%");
        add(number("new", new InboxFilter(null, AppealStatus.REGISTERED, null, null, false), appeals, user),
                number("assigned", new InboxFilter(null, AppealStatus.ASSIGNED, null, null, false), appeals, user),
                number("overdue", new InboxFilter(null, null, null, null, true), appeals, user));
    }

    /** How many appeals {@code filter} matches, as a link to the inbox showing them. */
    private Component number(String key, InboxFilter filter, Appeals appeals, PortalUser user) {
        int value = appeals.count(user, filter.page(0, 1));
        String query = new QueryParameters(filter.toParameters()).getQueryString();
        Span n = new Span(Integer.toString(value));
        n.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600").set("display", "block");
        Span label = new Span(getTranslation("eservices.ui.appeal.widget." + key));
        label.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Anchor a = new Anchor(EservicesUi.INBOX_ROUTE + "?" + query, n, label);
        a.setId("eservices-widget-" + key);
        a.getElement().setAttribute("data-count", Integer.toString(value));
        a.getStyle().set("text-decoration", "none").set("color", "inherit");
        if ("overdue".equals(key) && value > 0) {
            // the label says «прострочені»; the colour only repeats it
            n.getStyle().set("color", "var(--lumo-error-text-color)");
            a.addClassName(AppealsUi.OVERDUE_CLASS);
        }
        return a;
    }
}
