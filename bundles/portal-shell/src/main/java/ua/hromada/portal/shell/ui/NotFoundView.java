package ua.hromada.portal.shell.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;

import jakarta.servlet.http.HttpServletResponse;

/** Friendly 404, inside the portal frame. */
@ParentLayout(MainLayout.class)
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("not-found-view");
        add(new H2(getTranslation("error.notFound.title")),
                new Paragraph(getTranslation("error.notFound.text", event.getLocation().getPath())),
                new RouterLink(getTranslation("error.toDashboard"), DashboardView.class));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
