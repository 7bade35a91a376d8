package ua.hromada.oks.api;

import ua.hromada.portal.api.PortalUser;

/**
 * Printable documents produced from a card: the warning (попередження) and the protocol
 * (протокол), with the council's requisites from configuration.
 */
public interface ViolationDocuments {

    enum Kind {
        WARNING, PROTOCOL
    }

    /** A PDF; refused with an {@link OksException} when the case is not with an executor. */
    byte[] render(PortalUser actor, long violationId, Kind kind);
}
