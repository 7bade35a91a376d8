package ua.hromada.oks.adminui.notices;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import ua.hromada.oks.api.MailNotices;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.DashboardWidget;

/**
 * For OKS administrators (and portal administrators, who hold every permission): whether executor
 * organisations are e-mailed. Shipped off ({@code enabled = false}); the card says so as a warning
 * instead of leaving the organisation form's promise unexplained.
 */
@Component(service = DashboardWidget.class)
public class MailNoticesWidget implements DashboardWidget {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailNotices notices;

    @Override
    public String titleKey() {
        return "oks.adminui.notices.title";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public String requiredPermission() {
        return OksPermissions.ADMINISTER;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        UI ui = UI.getCurrent();
        Notices state = Notices.of(notices);
        Paragraph text = new Paragraph(ui.getTranslation(state.messageKey()));
        text.getStyle().set("margin", "0");
        var icon = (state.on() ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.WARNING).create();
        icon.setColor(state.on() ? "var(--lumo-success-color)" : "var(--lumo-warning-color, #c77700)");
        icon.getStyle().set("flex", "none");
        HorizontalLayout box = new HorizontalLayout(icon, text);
        box.setId("oks-mail-widget");
        box.getElement().setAttribute("data-state", state.name());
        box.getElement().setAttribute("role", state.on() ? "status" : "alert");
        return box;
    }
}
