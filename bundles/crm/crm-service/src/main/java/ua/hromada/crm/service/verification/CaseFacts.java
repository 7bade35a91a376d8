package ua.hromada.crm.service.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;

/**
 * What the checks of one case read: the case, its applicant as typed, its checklist and scans, its
 * card's fee, and the applicant's other open cases of the same card.
 */
record CaseFacts(long caseId, String number, String serviceName, boolean byProxy, boolean feePaid, String feeKind,
        BigDecimal feeAmount, String feeFormula, Applicant applicant, List<Line> documents, List<ScanRef> scans,
        List<OtherCase> duplicates) {

    CaseFacts {
        documents = List.copyOf(documents);
        scans = List.copyOf(scans);
        duplicates = List.copyOf(duplicates);
    }

    /** A checklist line. */
    record Line(long id, String name, DocumentKind kind, DocumentCondition condition, boolean received) {
    }

    /** An uploaded scan, with the kind of the document it shows. */
    record ScanRef(long id, long documentId, DocumentKind kind, String fileName, String contentType) {
    }

    /** Another open case of the same applicant and card. */
    record OtherCase(long id, String number, Instant registeredAt) {
    }
}
