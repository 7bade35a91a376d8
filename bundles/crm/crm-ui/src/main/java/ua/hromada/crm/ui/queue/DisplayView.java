package ua.hromada.crm.ui.queue;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import ua.hromada.crm.api.DeskCall;
import ua.hromada.crm.api.Queue;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The hall display ({@code tsnap/tablo}): the tickets called now and their windows, newest first,
 * large and high-contrast, updated by push as the desks call (the queue tells this page through its
 * listener; nothing is polled). Only numbers and windows: it hangs in the public hall.
 */
public class DisplayView extends Div {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DisplayView.class);

    private final transient Queue queue;
    private final Div lines = new Div();
    private final Paragraph empty = new Paragraph();
    private transient AutoCloseable listening;

    public DisplayView(Queue queue) {
        this.queue = queue;
        setId("queue-display-view");
        getStyle().set("background", "#000").set("color", "#fff").set("min-height", "100vh").set("padding", "2rem")
                .set("box-sizing", "border-box").set("font-family", "var(--lumo-font-family)");
        H1 title = new H1(getTranslation("crm.queue.display.title"));
        title.getStyle().set("color", "#fff").set("font-size", "3rem").set("margin", "0 0 1.5rem 0");
        Div head = row(getTranslation("crm.queue.display.ticket"), getTranslation("crm.queue.display.window"));
        head.getStyle().set("font-size", "2rem").set("color", "#ffd600").set("border-bottom", "3px solid #ffd600");
        lines.setId("queue-display");
        lines.getElement().setAttribute("role", "list");
        lines.getElement().setAttribute("aria-live", "polite");
        empty.setText(getTranslation("crm.queue.display.empty"));
        empty.getStyle().set("font-size", "2rem").set("color", "#fff");
        add(title, head, lines, empty);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        show(queue.board());
        // registered in the page's request: the display listens to its own community's desks
        listening = queue.onCall(calls -> UiSupport.access(ui, LOG, () -> show(calls)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        try {
            if (listening != null) {
                listening.close();
            }
        } catch (Exception e) {
            LOG.debug("Display listener already gone", e);
        }
        listening = null;
        super.onDetach(event);
    }

    private void show(List<DeskCall> calls) {
        lines.removeAll();
        for (int i = 0; i < calls.size(); i++) {
            DeskCall call = calls.get(i);
            Span number = new Span(call.number());
            number.addClassName("queue-display-number");
            Span window = new Span(String.valueOf(call.window()));
            window.addClassName("queue-display-window");
            Div line = row(number, window);
            line.getElement().setAttribute("role", "listitem");
            line.getStyle().set("font-size", i == 0 ? "5rem" : "3.5rem").set("font-weight", "700")
                    .set("color", i == 0 ? "#ffd600" : "#fff").set("border-bottom", "1px solid #555");
            lines.add(line);
        }
        empty.setVisible(calls.isEmpty());
    }

    private static Div row(String left, String right) {
        return row(new Span(left), new Span(right));
    }

    private static Div row(Span left, Span right) {
        Div line = new Div(left, right);
        line.getStyle().set("display", "grid").set("grid-template-columns", "1fr 1fr").set("padding", "0.5rem 0");
        return line;
    }
}
