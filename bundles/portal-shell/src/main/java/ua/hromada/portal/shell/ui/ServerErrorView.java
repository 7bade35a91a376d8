package ua.hromada.portal.shell.ui;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.RouterLink;

import jakarta.servlet.http.HttpServletResponse;

/** A view that failed to open: a plain message and a reference id, never a stack trace. */
public class ServerErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Exception failure = parameter.getCaughtException();
        Optional<String> passing = PassingFailure.messageKey(failure);
        if (passing.isPresent()) {
            // overload or an outage, not a fault of the view: one line, no stack trace
            LOG.warn("View '{}' not shown [{}]: {}", event.getLocation().getPath(), id, failure.toString());
        } else {
            LOG.error("View '{}' failed [{}]", event.getLocation().getPath(), id, failure);
        }
        removeAll();
        setId("server-error-view");
        add(new H2(getTranslation("error.server.title")),
                new Paragraph(getTranslation(passing.orElse("error.unexpected"), id)),
                new RouterLink(getTranslation("error.toDashboard"), DashboardView.class));
        return passing.isPresent() ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
