package ua.hromada.oks.api;

import java.util.Set;

import ua.hromada.portal.api.PortalUser;

/**
 * Printable documents of a case, with the council's requisites from configuration: the warning
 * (попередження) and the protocol (протокол), each as issued in the {@link DocumentRegister} (its
 * number, violator, article, template texts).
 */
@org.osgi.annotation.versioning.ProviderType
public interface ViolationDocuments {

    enum Kind {
        WARNING, PROTOCOL
    }

    /** The PDF of an issued document: the same registration number on every print. */
    byte[] print(PortalUser actor, long documentId);

    /**
     * The PDF of the case's latest issued document of the kind (a reprint, its number unchanged);
     * refused with an {@link OksException} when {@link #available} does not list the kind.
     */
    byte[] render(PortalUser actor, long violationId, Kind kind);

    /** The register the documents are issued in and printed from (for the card's documents panel). */
    DocumentRegister register();

    /** The kinds of which the case has an issued document the actor may print. */
    Set<Kind> available(PortalUser actor, long violationId);
}
