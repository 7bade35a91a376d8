package ua.hromada.opendata.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/** Official requests to data managers about findings. */
@org.osgi.annotation.versioning.ProviderType
public interface DataRequests {

    List<OfficialRequest> requests(PortalUser actor, Long managerId);

    Optional<OfficialRequest> request(long id);

    /**
     * Registers (id 0) or updates a request, e.g. with its answer; an update carries the version it
     * was read with and is refused with {@code EditConflictException} when the request changed since.
     */
    OfficialRequest save(PortalUser actor, OfficialRequest request);

    /** Deletes a request registered by mistake (its findings stay). */
    void delete(PortalUser actor, long id);
}
