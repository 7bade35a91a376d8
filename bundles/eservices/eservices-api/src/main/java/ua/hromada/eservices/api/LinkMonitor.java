package ua.hromada.eservices.api;

import java.util.List;
import java.util.OptionalDouble;

import org.osgi.annotation.versioning.ProviderType;

import ua.hromada.portal.api.PortalUser;

/**
 * Checks the catalogue's addresses on a schedule (HEAD, then GET where HEAD is refused or fails;
 * redirects followed up to a limit; timeouts) and keeps each check. A service turns
 * {@link LinkState#BROKEN} after two failed checks in a row (its owner unit is e-mailed then) and
 * {@link LinkState#OK} again at its next success. Needs {@link EservicesPermissions#CATALOGUE}.
 */
@ProviderType
public interface LinkMonitor {

    /** Checks one service now and records it as a scheduled check would. */
    LinkCheck checkNow(PortalUser user, long serviceId);

    /** The service's checks, newest first. */
    List<LinkCheck> history(PortalUser user, long serviceId, int offset, int limit);

    long historyCount(PortalUser user, long serviceId);

    /** The share of successful checks in the last 30 days, 0–100; empty when none was made. */
    OptionalDouble uptime(PortalUser user, long serviceId);

    /** The services held broken now, in catalogue order. */
    List<EService> broken(PortalUser user);
}
