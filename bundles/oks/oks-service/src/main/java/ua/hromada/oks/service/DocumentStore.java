package ua.hromada.oks.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ua.hromada.oks.api.DocumentStep;
import ua.hromada.oks.api.DocumentTemplate;
import ua.hromada.oks.api.IssuedDocument;
import ua.hromada.oks.api.LegalArticle;
import ua.hromada.oks.api.ScanFile;
import ua.hromada.oks.api.ViolationDocuments.Kind;
import ua.hromada.oks.api.Violator;
import ua.hromada.portal.api.jdbc.Versioned;

/** SQL of the document register (tables of V11); every statement sees only the current community's rows. */
final class DocumentStore {

    /** A journal step and the document its action produces (null: none). */
    record Step(long journalId, long violationId, Kind produces) {
    }

    /** What an issue writes besides the number. */
    record NewDocument(long violationId, long journalId, Kind kind, Instant at, LocalDate on, String by,
            String byName, Violator violator, LegalArticle article, String witnesses, String explanation) {
    }

    private static final String COLUMNS = "id, violation_id, journal_id, kind, number, issued_at, issued_on, issued_by,"
            + " issued_by_name, violator_kind, violator_name, violator_code, violator_address, violator_details,"
            + " article_id, article_code, article_title, witnesses, explanation, scan_name, scan_type,"
            + " octet_length(scan) AS scan_size, scan_at, scan_by";

    /** The step, locked: two issues for one step wait for each other (the later then sees the first's document). */
    Optional<Step> lockStep(Connection c, long violationId, long journalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.violation_id, w.document FROM oks.journal j"
                + " JOIN oks.workflow_action w ON w.kind = j.action_kind WHERE j.id = ? AND j.violation_id = ?"
                + " FOR UPDATE OF j")) {
            ps.setLong(1, journalId);
            ps.setLong(2, violationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String doc = rs.getString(3);
                return Optional.of(new Step(rs.getLong(1), rs.getLong(2), doc == null ? null : Kind.valueOf(doc)));
            }
        }
    }

    List<DocumentStep> awaiting(Connection c, long violationId) throws SQLException {
        List<DocumentStep> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.at, w.name, w.document FROM oks.journal j"
                + " JOIN oks.workflow_action w ON w.kind = j.action_kind"
                + " WHERE j.violation_id = ? AND w.document IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM oks.issued_document d WHERE d.journal_id = j.id)"
                + " ORDER BY j.at, j.id")) {
            ps.setLong(1, violationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DocumentStep(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            Kind.valueOf(rs.getString(4))));
                }
            }
        }
        return out;
    }

    /**
     * The next number of the community's sequence of the kind and year. The row's update lock is
     * held to the end of the transaction: a concurrent issue waits and takes the following number.
     */
    int nextSeq(Connection c, Kind kind, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO oks.document_sequence (kind, year, last_value)"
                + " VALUES (?, ?, 1) ON CONFLICT (community, kind, year)"
                + " DO UPDATE SET last_value = oks.document_sequence.last_value + 1 RETURNING last_value")) {
            ps.setString(1, kind.name());
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    long insert(Connection c, NewDocument d, int year, int seq, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO oks.issued_document (violation_id, journal_id, kind,"
                + " year, seq, number, issued_at, issued_on, issued_by, issued_by_name, violator_kind, violator_name,"
                + " violator_code, violator_address, violator_details, article_id, article_code, article_title,"
                + " witnesses, explanation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id")) {
            int i = 0;
            ps.setLong(++i, d.violationId());
            ps.setLong(++i, d.journalId());
            ps.setString(++i, d.kind().name());
            ps.setInt(++i, year);
            ps.setInt(++i, seq);
            ps.setString(++i, number);
            ps.setTimestamp(++i, Timestamp.from(d.at()));
            ps.setObject(++i, d.on());
            ps.setString(++i, d.by());
            ps.setString(++i, d.byName());
            ps.setString(++i, d.violator().kind().name());
            ps.setString(++i, d.violator().name());
            ps.setString(++i, d.violator().code());
            ps.setString(++i, d.violator().address());
            ps.setString(++i, d.violator().details());
            ps.setLong(++i, d.article().id());
            ps.setString(++i, d.article().code());
            ps.setString(++i, d.article().title());
            ps.setString(++i, d.witnesses());
            ps.setString(++i, d.explanation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<IssuedDocument> documents(Connection c, String where, long id) throws SQLException {
        List<IssuedDocument> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM oks.issued_document WHERE " + where
                + " ORDER BY issued_at, id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(document(rs));
                }
            }
        }
        return out;
    }

    private static IssuedDocument document(ResultSet rs) throws SQLException {
        Violator violator = new Violator(Violator.Kind.valueOf(rs.getString("violator_kind")), rs.getString("violator_name"),
                rs.getString("violator_details"), rs.getString("violator_code"), rs.getString("violator_address"));
        LegalArticle article = new LegalArticle(rs.getLong("article_id"), rs.getString("article_code"),
                rs.getString("article_title"), true, 0);
        Timestamp scanAt = rs.getTimestamp("scan_at");
        IssuedDocument.SignedScan scan = scanAt == null ? null : new IssuedDocument.SignedScan(rs.getString("scan_name"),
                rs.getString("scan_type"), rs.getLong("scan_size"), scanAt.toInstant(), rs.getString("scan_by"));
        return new IssuedDocument(rs.getLong("id"), rs.getLong("violation_id"), rs.getLong("journal_id"),
                Kind.valueOf(rs.getString("kind")), rs.getString("number"), rs.getTimestamp("issued_at").toInstant(),
                rs.getObject("issued_on", LocalDate.class), rs.getString("issued_by"), rs.getString("issued_by_name"),
                violator, article, rs.getString("witnesses"), rs.getString("explanation"), scan);
    }

    boolean attachScan(Connection c, long documentId, ScanFile scan, Instant at, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE oks.issued_document SET scan = ?, scan_name = ?,"
                + " scan_type = ?, scan_at = ?, scan_by = ? WHERE id = ?")) {
            ps.setBytes(1, scan.content());
            ps.setString(2, scan.fileName());
            ps.setString(3, scan.contentType());
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, by);
            ps.setLong(6, documentId);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<ScanFile> scan(Connection c, long documentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT scan_name, scan_type, scan FROM oks.issued_document WHERE id = ? AND scan IS NOT NULL")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ScanFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    // ---------------------------------------------------------------- articles

    List<LegalArticle> articles(Connection c, boolean includeInactive) throws SQLException {
        List<LegalArticle> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ARTICLE + " FROM oks.legal_article"
                + (includeInactive ? "" : " WHERE active") + " ORDER BY code, id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(article(rs));
                }
            }
        }
        return out;
    }

    Optional<LegalArticle> article(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + ARTICLE + " FROM oks.legal_article WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(article(rs)) : Optional.empty();
            }
        }
    }

    private static final String ARTICLE = "id, code, title, active, version, act_id";

    private static LegalArticle article(ResultSet rs) throws SQLException {
        return new LegalArticle(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5),
                rs.getObject(6, Long.class));
    }

    boolean codeTaken(Connection c, String code, long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM oks.legal_article WHERE lower(code) = lower(?) AND id <> ?")) {
            ps.setString(1, code);
            ps.setLong(2, exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    long saveArticle(Connection c, LegalArticle a) throws SQLException {
        if (a.id() == 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO oks.legal_article (code, title, active, act_id) VALUES (?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, a.code());
                ps.setString(2, a.title());
                ps.setBoolean(3, a.active());
                ps.setObject(4, a.actId(), Types.BIGINT);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE oks.legal_article SET code = ?, title = ?, active = ?, "
                + "act_id = ?, " + Versioned.BUMP + " WHERE id = ? AND version = ?")) {
            ps.setString(1, a.code());
            ps.setString(2, a.title());
            ps.setBoolean(3, a.active());
            ps.setObject(4, a.actId(), Types.BIGINT);
            ps.setLong(5, a.id());
            ps.setLong(6, a.version());
            Versioned.check(ps.executeUpdate(), "oks.legal_article", a.id());
            return a.id();
        }
    }

    // ---------------------------------------------------------------- templates

    Optional<DocumentTemplate> template(Connection c, Kind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT heading, body, number_pattern, version FROM oks.document_template WHERE kind = ?")) {
            ps.setString(1, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new DocumentTemplate(kind, rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getLong(4))) : Optional.empty();
            }
        }
    }

    /**
     * Saves a kind's texts: the first save (version 0, the shipped texts) inserts the row, a later one
     * updates the version it read; a concurrent first save or a stale version is an edit conflict.
     */
    void saveTemplate(Connection c, DocumentTemplate t) throws SQLException {
        if (t.version() == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO oks.document_template (kind, heading, body,"
                    + " number_pattern, version) VALUES (?, ?, ?, ?, 1) ON CONFLICT DO NOTHING")) {
                ps.setString(1, t.kind().name());
                ps.setString(2, t.heading());
                ps.setString(3, t.body());
                ps.setString(4, t.numberPattern());
                Versioned.check(ps.executeUpdate(), "oks.document_template", t.kind().name());
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE oks.document_template SET heading = ?, body = ?,"
                + " number_pattern = ?, " + Versioned.BUMP + " WHERE kind = ? AND version = ?")) {
            ps.setString(1, t.heading());
            ps.setString(2, t.body());
            ps.setString(3, t.numberPattern());
            ps.setString(4, t.kind().name());
            ps.setLong(5, t.version());
            Versioned.check(ps.executeUpdate(), "oks.document_template", t.kind().name());
        }
    }
}
