package ua.hromada.portal.shell.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;

/** Friendly 403: the user is signed in but lacks the view's permission. */
public class ForbiddenView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    public ForbiddenView() {
        setId("forbidden-view");
        add(new H2(getTranslation("error.forbidden.title")), new Paragraph(getTranslation("error.forbidden.text")),
                new RouterLink(getTranslation("error.toDashboard"), DashboardView.class));
    }
}
