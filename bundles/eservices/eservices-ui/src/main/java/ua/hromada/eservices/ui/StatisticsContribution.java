package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.Appeals;
import ua.hromada.eservices.ui.appeals.StatisticsView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code eservices/appeals/statistics}: appeals by month, topic and unit, with a CSV export. */
@Component(service = ViewContribution.class)
@PortalView(route = EservicesUi.STATISTICS_ROUTE, title = "eservices.ui.appeal.menu.statistics",
        section = EservicesUi.SECTION, icon = "vaadin:chart-grid", order = 41, permission = EservicesUi.APPEALS,
        view = StatisticsView.class)
public class StatisticsContribution implements ViewContribution {

    @Reference
    private Appeals appeals;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new StatisticsView(appeals, currentUser.get().orElse(null), settings.today());
    }
}
