package ua.hromada.crm.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case: one applicant's application for one service, under the card version it was opened with.
 *
 * @param number         registration number, {@code <yyyy>-<seq>} per community
 * @param appealNumber   the e-appeal's number when the case came from one; else empty
 * @param request        the applicant's request in their words (what routing reads)
 * @param byProxy        a representative applies (the proxy documents apply)
 * @param feePaid        the fee is paid (always true for a free service)
 * @param administrator  the user name of the administrator who registered the case
 * @param administratorName that administrator's name as the portal showed it at registration (the papers print it)
 * @param executor       the back-office user who took the case; empty before
 * @param deadline       registration day plus the card's term in working days
 * @param issuedAt       when the result or refusal was given to the applicant; null before
 * @param refusalReason  the ground of a refusal; else empty
 * @param version        optimistic-locking version the form loaded
 */
public record ServiceCase(long id, String number, long applicantId, String applicantName, long cardId,
        int cardVersion, String serviceName, CaseSource source, String appealNumber, String request,
        boolean byProxy, boolean feePaid, CaseStatus status, String administrator, String administratorName, String backOfficeRole,
        String executor, Instant registeredAt, LocalDate deadline, Instant issuedAt, String refusalReason,
        List<CaseDocument> documents, long version) {

    public ServiceCase {
        documents = List.copyOf(documents);
    }
}
