package ua.hromada.docsearch.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A normative act or document of the council.
 *
 * @param number           as written on the document, e.g. "№ 790", "1/06-2-2216"
 * @param normalizedNumber the number for exact lookup ("790", "1/06-2-2216"), derived by the service
 * @param convocation      скликання (may be null)
 * @param session          сесія (may be null)
 * @param version          moves on with every change; a form sends back the one it loaded and a
 *                         save over a newer one is refused (portal-api {@code Versioned})
 */
public record LegalAct(long id, ActKind kind, String number, String normalizedNumber, LocalDate date,
        String title, String issuingBody, Integer convocation, Integer session, ActStatus status,
        Set<String> tags, List<ActLink> links, List<ActFile> files, Instant createdAt, Instant updatedAt,
        long version) {
}
