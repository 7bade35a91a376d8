package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.opendata.ui.view.OpendataWidget;
import ua.hromada.portal.api.DashboardWidget;

/** The open-data card on the home page: latest audit score, findings by severity, overdue requests. */
@Component(service = DashboardWidget.class)
public class OpendataDashboardWidget implements DashboardWidget {

    @Reference
    private OpendataServices services;

    @Override
    public String titleKey() {
        return "opendata.ui.widget.title";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String requiredPermission() {
        return OpendataUi.READ_PERMISSION;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        return new OpendataWidget(services);
    }
}
