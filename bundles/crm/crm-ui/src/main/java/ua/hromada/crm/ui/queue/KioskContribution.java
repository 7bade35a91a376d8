package ua.hromada.crm.ui.queue;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.Queue;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code tsnap/kiosk}: the hall's self-service ticket kiosk (a signed-in kiosk account). */
@Component(service = ViewContribution.class)
@PortalView(route = QueuePages.KIOSK_ROUTE, title = "crm.queue.kiosk.menu", section = CrmUi.SECTION,
        icon = "vaadin:tablet", order = 61, permission = QueuePages.DESK, view = KioskView.class)
public class KioskContribution implements ViewContribution {

    @Reference
    private Queue queue;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new KioskView(queue, currentUser.get().orElse(null));
    }
}
