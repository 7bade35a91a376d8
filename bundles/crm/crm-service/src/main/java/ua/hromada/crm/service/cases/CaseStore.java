package ua.hromada.crm.service.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ua.hromada.crm.api.CaseDocument;
import ua.hromada.crm.api.CaseSource;
import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.CaseStep;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.Scan;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.portal.api.jdbc.Statements;

/** The SQL of the cases (schema {@code crm}); row-level security keeps each community to its rows. */
final class CaseStore {
    static final String TABLE = "crm.service_case";

    /** The applicant's name as the papers print it (organisation, else the person's names). */
    private static final String APPLICANT_NAME = "CASE WHEN a.kind = 'ORGANISATION' AND a.organisation_name <> ''"
            + " THEN a.organisation_name ELSE concat_ws(' ', nullif(a.last_name, ''), nullif(a.first_name, ''),"
            + " nullif(a.patronymic, '')) END";
    static final String SELECT = "SELECT s.*, " + APPLICANT_NAME + " AS applicant_name FROM crm.service_case s"
            + " JOIN crm.applicant a ON a.community = s.community AND a.id = s.applicant_id";

    /** What a case keeps of its card version besides the checklist. */
    record Provider(ProviderKind kind, String name, String role) {
    }

    /** A case about to be inserted. */
    record NewCase(String number, long applicantId, long cardId, int cardVersion, String serviceName,
            Provider provider, String refusalGrounds, CaseSource source, String appealNumber, String request,
            boolean byProxy, boolean feePaid, String administrator, String administratorName, Instant registeredAt,
            LocalDate deadline) {
    }

    /** A case row with what the rules need beyond the API record. */
    record Row(ServiceCase value, Provider provider, String refusalGrounds) {
    }

    private CaseStore() {
    }

    static String nextNumber(Connection c, int year) throws SQLException {
        return Statements.nextOfYear(c, "crm.case_counter", year);
    }

    static long insert(Connection c, NewCase n) throws SQLException {
        return Statements.first(c, "INSERT INTO crm.service_case (number, applicant_id, card_id, card_version,"
                + " service_name, provider_kind, provider, back_office_role, refusal_grounds, source, appeal_number,"
                + " request, by_proxy, fee_paid, status, administrator, administrator_name, registered_at, deadline)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", rs -> rs.getLong(1),
                n.number(), n.applicantId(), n.cardId(), n.cardVersion(), n.serviceName(), n.provider().kind().name(),
                n.provider().name(), n.provider().role(), n.refusalGrounds(), n.source().name(), n.appealNumber(),
                n.request(), n.byProxy(), n.feePaid(), CaseStatus.REGISTERED.name(), n.administrator(),
                n.administratorName(), Timestamp.from(n.registeredAt()), n.deadline()).orElseThrow();
    }

    static void insertDocuments(Connection c, long caseId, List<RequiredDocument> documents) throws SQLException {
        List<Map.Entry<Integer, RequiredDocument>> numbered = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            numbered.add(Map.entry(i + 1, documents.get(i)));
        }
        Statements.batch(c, "INSERT INTO crm.case_document (case_id, position, name, kind, condition, original)"
                + " VALUES (?, ?, ?, ?, ?, ?)", numbered, (ps, e) -> {
                    ps.setLong(1, caseId);
                    ps.setInt(2, e.getKey());
                    ps.setString(3, e.getValue().name());
                    ps.setString(4, e.getValue().kind().name());
                    ps.setString(5, e.getValue().condition().name());
                    ps.setBoolean(6, e.getValue().original());
                });
    }

    /**
     * The case the current community has under {@code id}, whole (checklist and scan ids).
     * The back-office role is kept in the provider, so the rules see the role handed over to or to be.
     */
    static Optional<Row> get(Connection c, long id) throws SQLException {
        Optional<Row> head = Statements.first(c, SELECT + " WHERE s.id = ?", CaseStore::row, id);
        if (head.isEmpty()) {
            return head;
        }
        Map<Long, List<Long>> scans = new LinkedHashMap<>();
        for (long[] s : Statements.list(c, "SELECT document_id, id FROM crm.case_scan WHERE case_id = ? ORDER BY id",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, id)) {
            scans.computeIfAbsent(s[0], k -> new ArrayList<>()).add(s[1]);
        }
        List<CaseDocument> documents = Statements.list(c, "SELECT * FROM crm.case_document WHERE case_id = ?"
                + " ORDER BY position", rs -> new CaseDocument(rs.getLong("id"), rs.getInt("position"),
                        rs.getString("name"), DocumentKind.valueOf(rs.getString("kind")),
                        DocumentCondition.valueOf(rs.getString("condition")), rs.getBoolean("original"),
                        rs.getBoolean("received"), scans.getOrDefault(rs.getLong("id"), List.of())), id);
        Row r = head.get();
        ServiceCase v = r.value();
        return Optional.of(new Row(new ServiceCase(v.id(), v.number(), v.applicantId(), v.applicantName(), v.cardId(),
                v.cardVersion(), v.serviceName(), v.source(), v.appealNumber(), v.request(), v.byProxy(), v.feePaid(),
                v.status(), v.administrator(), v.administratorName(), v.backOfficeRole(), v.executor(), v.registeredAt(), v.deadline(),
                v.issuedAt(), v.refusalReason(), documents, v.version()), r.provider(), r.refusalGrounds()));
    }

    /** One row of {@link #SELECT}, the checklist left empty. */
    static Row row(ResultSet rs) throws SQLException {
        Timestamp issued = rs.getTimestamp("issued_at");
        String status = rs.getString("status");
        ServiceCase value = new ServiceCase(rs.getLong("id"), rs.getString("number"), rs.getLong("applicant_id"),
                rs.getString("applicant_name"), rs.getLong("card_id"), rs.getInt("card_version"),
                rs.getString("service_name"), CaseSource.valueOf(rs.getString("source")),
                rs.getString("appeal_number"), rs.getString("request"), rs.getBoolean("by_proxy"),
                rs.getBoolean("fee_paid"), CaseStatus.valueOf(status), rs.getString("administrator"),
                rs.getString("administrator_name"),
                rs.getTimestamp("handed_over_at") == null ? "" : rs.getString("back_office_role"),
                rs.getString("executor"), rs.getTimestamp("registered_at").toInstant(),
                rs.getObject("deadline", LocalDate.class), issued == null ? null : issued.toInstant(),
                rs.getString("refusal_reason"), List.of(), rs.getLong("version"));
        return new Row(value, new Provider(ProviderKind.valueOf(rs.getString("provider_kind")), rs.getString("provider"),
                rs.getString("back_office_role")), rs.getString("refusal_grounds"));
    }

    /** Changes a case's columns after its version was locked ({@code Versioned.lock}); bumps the version. */
    static void update(Connection c, long id, String set, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE crm.service_case SET " + set
                + ", version = version + 1 WHERE id = ?")) {
            int i = 1;
            for (Object p : params) {
                ps.setObject(i++, p instanceof Instant at ? Timestamp.from(at) : p);
            }
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    /** A change of the case's child rows (its checklist) moves its version on too. */
    static void bump(Connection c, long id) throws SQLException {
        Statements.update(c, "UPDATE crm.service_case SET version = version + 1 WHERE id = ?", id);
    }

    static void step(Connection c, long caseId, Instant at, String user, String action, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.case_step (case_id, at, username, action, detail)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, caseId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, user);
            ps.setString(4, action);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }

    static List<CaseStep> journal(Connection c, long caseId) throws SQLException {
        return Statements.list(c, "SELECT at, username, action, detail FROM crm.case_step WHERE case_id = ?"
                + " ORDER BY at, id", rs -> new CaseStep(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4)), caseId);
    }

    static boolean markReceived(Connection c, long caseId, long documentId, boolean received) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE crm.case_document SET received = ? WHERE id = ?"
                + " AND case_id = ?")) {
            ps.setBoolean(1, received);
            ps.setLong(2, documentId);
            ps.setLong(3, caseId);
            return ps.executeUpdate() == 1;
        }
    }

    static int scanCount(Connection c, long documentId) throws SQLException {
        return Statements.first(c, "SELECT count(*) FROM crm.case_scan WHERE document_id = ?", rs -> rs.getInt(1),
                documentId).orElse(0);
    }

    static long insertScan(Connection c, long caseId, long documentId, String fileName, String contentType,
            byte[] content, Instant at, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.case_scan (case_id, document_id, file_name,"
                + " content_type, size, content, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, caseId);
            ps.setLong(2, documentId);
            ps.setString(3, fileName);
            ps.setString(4, contentType);
            ps.setLong(5, content.length);
            ps.setBytes(6, content);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setString(8, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final String SCAN_COLUMNS = "SELECT id, case_id, document_id, file_name, content_type, size,"
            + " uploaded_at, uploaded_by FROM crm.case_scan";

    static List<Scan> scans(Connection c, long caseId) throws SQLException {
        return Statements.list(c, SCAN_COLUMNS + " WHERE case_id = ? ORDER BY document_id, id", CaseStore::scan, caseId);
    }

    static Optional<Scan> scan(Connection c, long scanId) throws SQLException {
        return Statements.first(c, SCAN_COLUMNS + " WHERE id = ?", CaseStore::scan, scanId);
    }

    private static Scan scan(ResultSet rs) throws SQLException {
        return new Scan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8));
    }

    static byte[] scanContent(Connection c, long scanId) throws SQLException {
        return Statements.first(c, "SELECT content FROM crm.case_scan WHERE id = ?", rs -> rs.getBytes(1), scanId)
                .orElseThrow();
    }
}
