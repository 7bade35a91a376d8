package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.ui.view.ComplianceView;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/**
 * Menu entry {@code opendata/compliance}: data managers × obligatory datasets. Registered only
 * while the audit runs.
 */
@Component(service = ViewContribution.class)
@PortalView(route = "opendata/compliance", title = "opendata.ui.menu.compliance", section = OpendataUi.SECTION,
        icon = "vaadin:table", order = 60, permission = OpendataUi.READ_PERMISSION, view = ComplianceView.class)
public class ComplianceContribution implements ViewContribution {

    @Reference
    private OpendataAudit audit;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ComplianceView(audit, currentUser.get().orElse(null));
    }
}
