package ua.hromada.opendata.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/** Official requests to data managers about findings. */
public interface RequestService {

    List<OfficialRequest> requests(PortalUser actor, Long managerId);

    Optional<OfficialRequest> request(long id);

    /** Registers (id 0) or updates a request, e.g. with its answer. */
    OfficialRequest save(PortalUser actor, OfficialRequest request);
}
