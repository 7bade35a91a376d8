package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.AppealTopics;
import ua.hromada.eservices.api.Units;
import ua.hromada.eservices.ui.appeals.TopicsView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code eservices/topics}: the appeal form's topics and where their appeals go. */
@Component(service = ViewContribution.class)
@PortalView(route = EservicesUi.TOPICS_ROUTE, title = "eservices.ui.appeal.menu.topics", section = EservicesUi.SECTION,
        icon = "vaadin:tags", order = 81, permission = EservicesUi.MANAGE, view = TopicsView.class)
public class TopicsContribution implements ViewContribution {

    @Reference
    private AppealTopics topics;
    @Reference
    private Units units;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new TopicsView(topics, units, currentUser.get().orElse(null));
    }
}
