package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.AppealTopics;
import ua.hromada.eservices.api.Appeals;
import ua.hromada.eservices.api.Units;
import ua.hromada.eservices.ui.appeals.InboxView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code eservices/appeals}: the appeals of the user's units. */
@Component(service = ViewContribution.class)
@PortalView(route = EservicesUi.INBOX_ROUTE, title = "eservices.ui.appeal.menu.inbox", section = EservicesUi.SECTION,
        icon = "vaadin:inbox", order = 40, permission = EservicesUi.APPEALS, view = InboxView.class)
public class InboxContribution implements ViewContribution {

    @Reference
    private Appeals appeals;
    @Reference
    private Units units;
    @Reference
    private AppealTopics topics;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new InboxView(appeals, units, topics, currentUser.get().orElse(null), settings.timeZone());
    }
}
