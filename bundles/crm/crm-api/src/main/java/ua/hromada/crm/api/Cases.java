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
}
