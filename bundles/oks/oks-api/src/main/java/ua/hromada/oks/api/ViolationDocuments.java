package ua.hromada.oks.api;

import java.util.Set;

import ua.hromada.portal.api.PortalUser;

/**
 * Printable documents produced from a card: the warning (попередження) and the protocol
 * (протокол), with the council's requisites from configuration.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ViolationDocuments {

    enum Kind {
        WARNING, PROTOCOL
    }

    /** A PDF; refused with an {@link OksException} when {@link #available} does not list the kind. */
    byte[] render(PortalUser actor, long violationId, Kind kind);

    /**
     * The documents the actor may print for the case now: the one rule the card and
     * {@link #render} share. Empty when the case is not with an executor (or the actor may not see it).
     */
    Set<Kind> available(PortalUser actor, long violationId);
}
