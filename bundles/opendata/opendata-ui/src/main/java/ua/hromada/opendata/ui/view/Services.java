package ua.hromada.opendata.ui.view;

import java.time.ZoneId;

import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.RegistryTransfer;
import ua.hromada.portal.api.PortalUser;

/** What a view needs from the bundle's services component (an interface, so views stay free of DS). */
public interface Services {

    DatasetRegistry registry();

    RegistryTransfer transfer();

    /** Deletion and the registry grid's bulk actions. */
    RegistryActions actions();

    /** Null while the audit bundle is absent. */
    AuditServices audit();

    ZoneId zone();

    PortalUser user();
}
