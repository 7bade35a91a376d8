package ua.hromada.oks.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ua.hromada.oks.api.DocumentTemplate;
import ua.hromada.oks.api.IssuedDocument;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments.Kind;
import ua.hromada.oks.api.Violator;

/**
 * Everything a document prints: the document as issued (number, date, violator, article, witnesses,
 * explanation), its kind's template texts, and the card and journal of its case; the renderer needs
 * nothing else, so it can be tested without the service.
 *
 * @param executorName null while unassigned
 * @param steps        the journal, oldest first
 */
public record DocumentData(IssuedDocument document, DocumentTemplate template, String typeName, String address,
        double latitude, double longitude, String description, Urgency urgency, String executorName,
        LocalDate deadline, String inspectorName, Instant registeredAt, String statusCode, String statusName,
        List<Step> steps) {

    public DocumentData {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** One journal row as printed in the protocol. */
    public record Step(Instant at, String code, String action, String author, String comment, LocalDate deadline,
            String executor) {
    }

    Kind kind() {
        return document.kind();
    }

    long violationId() {
        return document.violationId();
    }

    LocalDate issuedOn() {
        return document.issuedOn();
    }

    Violator violator() {
        return document.violator();
    }

    static DocumentData of(IssuedDocument document, DocumentTemplate template, Violation v, List<JournalEntry> journal) {
        List<Step> steps = journal.stream()
                .map(e -> new Step(e.at(), e.action().displayCode(), e.action().name(),
                        firstNonBlank(e.authorName(), e.author()), e.comment(), e.deadline(), e.executorName()))
                .toList();
        return new DocumentData(document, template, v.type().name(), v.address(), v.latitude(), v.longitude(),
                v.description(), v.urgency(), v.executor() == null ? null : v.executor().name(), v.deadline(),
                firstNonBlank(v.inspectorName(), v.inspector()), v.createdAt(), v.lastAction().displayCode(),
                v.lastAction().name(), steps);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
