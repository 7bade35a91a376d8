package ua.hromada.opendata.ui.view;

import ua.hromada.opendata.api.AuditReports;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.DataRequests;

/** The audit bundle's services, present together or not at all. */
public interface AuditServices {

    OpendataAudit audit();

    DataRequests requests();

    AuditReports reports();
}
