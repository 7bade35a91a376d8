package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.AuditReports;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.DataRequests;
import ua.hromada.opendata.ui.view.AuditServices;

/**
 * The audit bundle's services together: this component is satisfied only while that bundle runs,
 * so the audit menu entries (which reference it) appear and vanish with it.
 */
@Component(service = AuditComponents.class)
public class AuditComponents implements AuditServices {

    @Reference
    private OpendataAudit audit;
    @Reference
    private DataRequests requests;
    @Reference
    private AuditReports reports;

    @Override
    public OpendataAudit audit() {
        return audit;
    }

    @Override
    public DataRequests requests() {
        return requests;
    }

    @Override
    public AuditReports reports() {
        return reports;
    }
}
