package ua.hromada.crm.api;

import java.util.List;

import ua.hromada.portal.api.PortalUser;

/**
 * Routing of free-text requests to a service and unit, by a text classifier trained from the cases
 * whose routing employees confirmed (a case opened with a request and a card is a confirmed routing).
 */
public interface Routing {

    /** The best few suggestions, most confident first; empty when nothing was learnt yet. */
    List<RoutingSuggestion> suggest(PortalUser user, String request);

    /** Trains again from every confirmed routing of the community (also done on a schedule). */
    void retrain(PortalUser user);
}
