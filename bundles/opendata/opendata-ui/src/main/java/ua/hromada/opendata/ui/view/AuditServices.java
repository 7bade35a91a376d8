package ua.hromada.opendata.ui.view;

import ua.hromada.opendata.api.AuditReports;
import ua.hromada.opendata.api.AuditService;
import ua.hromada.opendata.api.RequestService;

/** The audit bundle's services, present together or not at all. */
public interface AuditServices {

    AuditService audit();

    RequestService requests();

    AuditReports reports();
}
