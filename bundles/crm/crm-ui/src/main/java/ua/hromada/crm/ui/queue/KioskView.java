package ua.hromada.crm.ui.queue;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.Queue;
import ua.hromada.crm.api.QueueGroup;
import ua.hromada.crm.api.Ticket;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.PortalUser;

/**
 * The self-service kiosk ({@code tsnap/kiosk}): a large button per service group; a touch takes a
 * ticket and shows its number. The kiosk is a signed-in account of the centre (a ticket is a
 * change that is journalled under that account).
 */
public class KioskView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient Queue queue;
    private final transient PortalUser user;
    private final Div ticket = new Div();

    public KioskView(Queue queue, PortalUser user) {
        this.queue = queue;
        this.user = user;
        setId("queue-kiosk-view");
        setAlignItems(Alignment.CENTER);
        add(new H1(getTranslation("crm.queue.kiosk.title")));
        List<QueueGroup> groups = queue.groups(user);
        if (groups.isEmpty()) {
            add(new Paragraph(getTranslation("crm.queue.kiosk.empty")));
        }
        for (int i = 0; i < groups.size(); i++) {
            QueueGroup g = groups.get(i);
            Button button = new Button(g.letter() + " — " + g.name(), e -> take(g));
            button.setId("queue-kiosk-" + i);
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            button.setWidth("min(40rem, 90vw)");
            button.getStyle().set("font-size", "1.6rem").set("height", "5rem");
            add(button);
        }
        ticket.setId("queue-kiosk-ticket");
        ticket.getElement().setAttribute("role", "status");
        ticket.getStyle().set("font-size", "3rem").set("font-weight", "700").set("margin-top", "2rem");
        add(ticket);
    }

    private void take(QueueGroup group) {
        try {
            Ticket t = queue.take(user, group.name());
            ticket.setText(getTranslation("crm.queue.kiosk.ticket", t.number()));
        } catch (CrmException e) {
            CrmUi.refused(this, e, Map.of());
        }
    }
}
