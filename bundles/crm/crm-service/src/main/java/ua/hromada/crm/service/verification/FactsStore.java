package ua.hromada.crm.service.verification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.IdentityDocumentType;
import ua.hromada.crm.service.verification.CaseFacts.Line;
import ua.hromada.crm.service.verification.CaseFacts.OtherCase;
import ua.hromada.crm.service.verification.CaseFacts.ScanRef;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * Reads a case's facts from the cases' and applicants' tables (schema crm, V1–V3). The fee is the
 * card version's the case was opened under (its content is the card row as JSON), else the card's.
 */
final class FactsStore {

    private FactsStore() {
    }

    static Optional<CaseFacts> load(Connection c, long caseId) throws SQLException {
        Optional<Object[]> head = Statements.first(c, "SELECT s.number, s.by_proxy, s.fee_paid, s.applicant_id, s.card_id,"
                + " coalesce(v.content->>'name', k.name), coalesce(v.content->>'fee_kind', k.fee_kind),"
                + " coalesce((v.content->>'fee_amount')::numeric, k.fee_amount), coalesce(v.content->>'fee_formula', k.fee_formula)"
                + " FROM crm.service_case s JOIN crm.service_card k ON k.id = s.card_id"
                + " LEFT JOIN crm.card_version v ON v.card_id = s.card_id AND v.card_version = s.card_version"
                + " WHERE s.id = ?", rs -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getLong(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getString(9)}, caseId);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Object[] h = head.get();
        long applicantId = (Long) h[3];
        Applicant applicant = Statements.first(c, "SELECT id, kind, last_name, first_name, patronymic, birth_date,"
                + " tax_number, document_type, document_number, document_expiry, registry_number, organisation_name,"
                + " edrpou, phone, email, address, version FROM crm.applicant WHERE id = ?", FactsStore::applicant,
                applicantId).orElseThrow();
        List<Line> lines = Statements.list(c, "SELECT id, name, kind, condition, received FROM crm.case_document"
                + " WHERE case_id = ? ORDER BY position, id", rs -> new Line(rs.getLong(1), rs.getString(2),
                        DocumentKind.valueOf(rs.getString(3)), DocumentCondition.valueOf(rs.getString(4)), rs.getBoolean(5)),
                caseId);
        List<ScanRef> scans = Statements.list(c, "SELECT s.id, s.document_id, d.kind, s.file_name, s.content_type"
                + " FROM crm.case_scan s JOIN crm.case_document d ON d.id = s.document_id WHERE s.case_id = ?"
                + " ORDER BY d.position, s.id", rs -> new ScanRef(rs.getLong(1), rs.getLong(2),
                        DocumentKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)), caseId);
        List<OtherCase> duplicates = Statements.list(c, "SELECT id, number, registered_at FROM crm.service_case"
                + " WHERE applicant_id = ? AND card_id = ? AND id <> ? AND status NOT IN ('ISSUED', 'CANCELLED')"
                + " ORDER BY registered_at, id", rs -> new OtherCase(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant()), applicantId, h[4], caseId);
        return Optional.of(new CaseFacts(caseId, (String) h[0], (String) h[5], (Boolean) h[1], (Boolean) h[2],
                (String) h[6], (java.math.BigDecimal) h[7], h[8] == null ? "" : (String) h[8], applicant, lines, scans,
                duplicates));
    }

    private static Applicant applicant(ResultSet rs) throws SQLException {
        String type = rs.getString(8);
        return new Applicant(rs.getLong(1), ApplicantKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, java.time.LocalDate.class), rs.getString(7),
                type == null ? null : IdentityDocumentType.valueOf(type), rs.getString(9),
                rs.getObject(10, java.time.LocalDate.class), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getLong(17));
    }
}
