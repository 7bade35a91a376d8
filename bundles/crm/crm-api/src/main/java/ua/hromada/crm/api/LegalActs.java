package ua.hromada.crm.api;

import java.util.Optional;

/**
 * The document-search acts a card's legal basis may link to ({@link ServiceCard#legalActId()}).
 * Offered only while the document-search module is installed; without it a card keeps the act's
 * id as typed and the page links to the act's public page.
 */
public interface LegalActs {

    /** The public page of an act (route of the document-search module's public view). */
    static String publicRoute(String actId) {
        return "dokumenty/" + actId;
    }

    /** The act's title with its number and date, empty when there is no such act. */
    Optional<String> title(String actId);
}
