package ua.hromada.crm.ui.queue;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.Queue;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/**
 * The hall display {@code tsnap/tablo}: an open page (a screen in the hall needs no account; it shows
 * ticket numbers and windows only), without a tile on the public home page.
 */
@Component(service = ViewContribution.class)
@PortalView(route = QueuePages.DISPLAY_ROUTE, title = "crm.queue.display.menu", section = CrmUi.SECTION,
        icon = "vaadin:desktop", open = true, menu = false, view = DisplayView.class)
public class DisplayContribution implements ViewContribution {

    @Reference
    private Queue queue;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new DisplayView(queue);
    }
}
