package ua.hromada.crm.api;

/**
 * One line of a case's document checklist, made from its card version's documents that apply to
 * the applicant (person or organisation, by proxy or not).
 *
 * @param received the document was received at the desk
 * @param scanIds  the uploaded scans of it (pages), oldest first
 */
public record CaseDocument(long id, int position, String name, DocumentKind kind, DocumentCondition condition,
        boolean original, boolean received, java.util.List<Long> scanIds) {

    public CaseDocument {
        scanIds = java.util.List.copyOf(scanIds);
    }
}
