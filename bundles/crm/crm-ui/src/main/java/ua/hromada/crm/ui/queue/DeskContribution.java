package ua.hromada.crm.ui.queue;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.Queue;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code tsnap/cherha}: the reception and the windows of the hall queue. */
@Component(service = ViewContribution.class)
@PortalView(route = QueuePages.DESK_ROUTE, title = "crm.queue.desk.menu", section = CrmUi.SECTION,
        icon = "vaadin:queue", order = 60, permission = QueuePages.DESK, view = DeskView.class)
public class DeskContribution implements ViewContribution {

    @Reference
    private Queue queue;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new DeskView(queue, currentUser.get().orElse(null), settings.timeZone());
    }
}
