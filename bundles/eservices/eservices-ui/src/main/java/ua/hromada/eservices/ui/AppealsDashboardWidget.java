package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.Appeals;
import ua.hromada.eservices.ui.appeals.AppealsWidget;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.DashboardWidget;

/** The appeals card on the home page of a unit's handler: open and overdue appeals, linking to the inbox. */
@Component(service = DashboardWidget.class)
public class AppealsDashboardWidget implements DashboardWidget {

    @Reference
    private Appeals appeals;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String titleKey() {
        return "eservices.ui.appeal.widget.title";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String requiredPermission() {
        return EservicesUi.APPEALS;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        return new AppealsWidget(appeals, currentUser.get().orElse(null));
    }
}
