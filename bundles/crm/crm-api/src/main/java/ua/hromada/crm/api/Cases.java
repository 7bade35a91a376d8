package ua.hromada.crm.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * The community's cases. Opening, documents, scans and issuing need {@link CrmPermissions#ADMINISTRATOR};
 * the back office sees and moves the cases handed over to its roles ({@link CrmPermissions#BACK_OFFICE});
 * the head sees every case. Every step is journalled ({@link #journal}).
 */
public interface Cases {

    /** Opens a case under the card's current version; its checklist comes from that version. */
    ServiceCase open(PortalUser user, CaseDraft draft);

    Optional<ServiceCase> get(PortalUser user, long id);

    /** The applicant's other cases that are not closed. */
    List<ServiceCase> openCasesOf(PortalUser user, long applicantId);

    /** A checklist line received (or not) at the desk. */
    ServiceCase markReceived(PortalUser user, long caseId, long documentId, boolean received, long version);

    /** Stores a scan of a checklist document; its type is checked by content and size by config. */
    Scan attachScan(PortalUser user, long caseId, long documentId, String fileName, byte[] content);

    List<Scan> scans(PortalUser user, long caseId);

    /** The scan's bytes. */
    byte[] scanContent(PortalUser user, long scanId);

    List<CaseStep> journal(PortalUser user, long caseId);

    /** Adds a line to the case's journal (used by verification for fired checks and overrides). */
    void record(PortalUser user, long caseId, String action, String detail);

    /** Cases the user may see that match {@code query}, newest first; their {@code documents} are left empty. */
    List<ServiceCase> find(PortalUser user, CaseQuery query, int offset, int limit);

    int count(PortalUser user, CaseQuery query);

    /**
     * The count as a list shows it: exact up to {@code atMost}, else {@code atMost + 1} («more than
     * atMost»). A list reads no further than that, so a broad text search stays as quick as its first page.
     */
    int countUpTo(PortalUser user, CaseQuery query, int atMost);

    /** The fee paid (or not) for a card that has one. */
    ServiceCase markFeePaid(PortalUser user, long caseId, boolean paid, long version);

    /**
     * Hands a registered case over to its provider: the back office of the card's provider role, or the
     * state body (journalled with its name). Verification is asked first when installed; unresolved
     * errors refuse it with {@link HandoverRefused} listing them.
     */
    ServiceCase handOver(PortalUser user, long caseId, long version);

    /** A back-office executor of the case's role takes it (becomes its executor). */
    ServiceCase take(PortalUser user, long caseId, long version);

    /** The result is ready to be issued (back office; the administrator for a state body's case). */
    ServiceCase resultReady(PortalUser user, long caseId, long version);

    /** A refusal is ready, on a ground of the card (or typed); a ground is required. */
    ServiceCase refusalReady(PortalUser user, long caseId, String ground, long version);

    /** The administrator gives the result or the refusal to the applicant. */
    ServiceCase issue(PortalUser user, long caseId, long version);

    /** The applicant withdraws the application (recorded by the administrator with a reason). */
    ServiceCase cancel(PortalUser user, long caseId, String reason, long version);

    /** The refusal grounds of the card version the case was opened under, one per line of its text. */
    List<String> refusalGrounds(PortalUser user, long caseId);
}
