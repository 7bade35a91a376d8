package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.opendata.api.DataRequests;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.opendata.ui.view.OpendataWidget;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.DashboardWidget;

/** The open-data card on the home page: latest audit score, findings by severity, overdue requests. */
@Component(service = DashboardWidget.class)
public class OpendataDashboardWidget implements DashboardWidget {

    @Reference
    private DatasetRegistry registry;
    /** The audit's services, null while its bundle is absent: the card then counts the datasets only. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OpendataAudit audit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataRequests requests;
    @Reference
    private CurrentUser currentUser;

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
        return new OpendataWidget(registry, audit, requests, currentUser.get().orElse(null));
    }
}
