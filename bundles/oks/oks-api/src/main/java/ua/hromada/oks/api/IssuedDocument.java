package ua.hromada.oks.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A warning or protocol as issued: its registration number is given once, at issue, and every
 * print shows the same one. It belongs to the journal step that produced it.
 *
 * @param journalEntryId the step of the case's journal it was issued for
 * @param number         the registration number as printed (the template's pattern at issue)
 * @param issuedOn       the date printed on it (the community's day of issue)
 * @param article        the legal basis as it was cited at issue (a later edit of the catalogue does
 *                       not change an issued document)
 * @param witnesses      protocol: the witnesses' names and addresses, null when none
 * @param explanation    protocol: the violator's explanation, null when none
 * @param scan           the signed copy attached back, null until attached
 */
public record IssuedDocument(long id, long violationId, long journalEntryId, ViolationDocuments.Kind kind,
        String number, Instant issuedAt, LocalDate issuedOn, String issuedBy, String issuedByName, Violator violator,
        LegalArticle article, String witnesses, String explanation, SignedScan scan) {

    /** The signed copy's file (its bytes through {@link DocumentRegister#scan}). */
    public record SignedScan(String fileName, String contentType, long size, Instant attachedAt, String attachedBy) {
    }
}
