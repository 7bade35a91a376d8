package ua.hromada.crm.ui.queue;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.Queue;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code tsnap/planuvannia}: the load per hour and weekday and the administrators it needs. */
@Component(service = ViewContribution.class)
@PortalView(route = QueuePages.PLANNING_ROUTE, title = "crm.queue.planning.menu", section = CrmUi.SECTION,
        icon = "vaadin:calendar-clock", order = 80, permission = CrmPermissions.HEAD, view = PlanningView.class)
public class PlanningContribution implements ViewContribution {

    @Reference
    private Queue queue;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PlanningView(queue, currentUser.get().orElse(null), settings);
    }
}
