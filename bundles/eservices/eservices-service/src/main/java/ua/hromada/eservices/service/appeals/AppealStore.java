package ua.hromada.eservices.service.appeals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.eservices.api.AppealStep;
import ua.hromada.portal.api.jdbc.Statements;

/** The SQL of appeals, their files and journal, shared by the intake, the handling and the cabinet. */
final class AppealStore {
    static final String MODULE = "eservices";
    static final String ENTITY = "appeal";

    /** An appeal's columns with its topic's and unit's names; {@code a} is the appeal. */
    static final String APPEAL_SELECT = "SELECT a.id, a.number, a.topic_id, t.name, a.unit_id, u.name, a.text,"
            + " a.latitude, a.longitude, a.applicant_name, a.email, a.phone, a.public_appeal, a.status, a.received_at,"
            + " a.deadline, a.executor_name, a.executor_phone, a.answer, a.answered_at, a.handed_over_to,"
            + " a.handover_reference, a.handover_route, a.version FROM eservices.appeal a"
            + " JOIN eservices.topic t ON t.id = a.topic_id JOIN eservices.unit u ON u.id = a.unit_id";

    /** What the intake registers. */
    record NewAppeal(String number, long topicId, long unitId, String text, Double latitude, Double longitude,
            String name, String email, String phone, boolean publicAppeal, Instant receivedAt, LocalDate deadline) {
    }

    /** A checked file: its name, kind and bytes. */
    record StoredFile(String fileName, String contentType, byte[] content) {
    }

    private AppealStore() {
    }

    /** The next number of the community's year: {@code <yyyy>-<seq>}, counted in the caller's transaction. */
    static String nextNumber(Connection c, int year) throws SQLException {
        return Statements.nextOfYear(c, "eservices.appeal_counter", year);
    }

    static long insert(Connection c, NewAppeal a) throws SQLException {
        return Statements.first(c, "INSERT INTO eservices.appeal (number, topic_id, unit_id, text, latitude, longitude,"
                + " applicant_name, email, phone, public_appeal, status, received_at, deadline)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", rs -> rs.getLong(1), a.number(),
                a.topicId(), a.unitId(), a.text(), a.latitude(), a.longitude(), a.name(), a.email(), a.phone(),
                a.publicAppeal(), AppealStatus.REGISTERED.name(), Timestamp.from(a.receivedAt()), a.deadline())
                .orElseThrow();
    }

    static void insertFiles(Connection c, long appealId, List<StoredFile> files) throws SQLException {
        Statements.batch(c, "INSERT INTO eservices.attachment (appeal_id, file_name, content_type, size, content)"
                + " VALUES (?, ?, ?, ?, ?)", files, (ps, f) -> {
                    ps.setLong(1, appealId);
                    ps.setString(2, f.fileName());
                    ps.setString(3, f.contentType());
                    ps.setLong(4, f.content().length);
                    ps.setBytes(5, f.content());
                });
    }

    static void step(Connection c, long appealId, Instant at, String actor, String action, String details)
            throws SQLException {
        Statements.first(c, "INSERT INTO eservices.step (appeal_id, at, actor, action, details) VALUES (?, ?, ?, ?, ?)"
                + " RETURNING id", rs -> rs.getLong(1), appealId, Timestamp.from(at), actor, action, details);
    }

    static List<AppealStep> journal(Connection c, long appealId) throws SQLException {
        return Statements.list(c, "SELECT at, actor, action, details FROM eservices.step WHERE appeal_id = ? ORDER BY id",
                rs -> new AppealStep(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4)), appealId);
    }

    static Optional<Appeal> get(Connection c, long id, LocalDate today) throws SQLException {
        Optional<Appeal> found = Statements.first(c, APPEAL_SELECT + " WHERE a.id = ?", rs -> appeal(rs, today, List.of()),
                id);
        return found.isEmpty() ? found : Optional.of(withFiles(c, found.get()));
    }

    /** The appeals of an applicant's address (any case), newest first, with their files. */
    static List<Appeal> byEmail(Connection c, String email, LocalDate today) throws SQLException {
        List<Appeal> appeals = Statements.list(c, APPEAL_SELECT + " WHERE lower(a.email) = lower(?)"
                + " ORDER BY a.received_at DESC, a.id DESC", rs -> appeal(rs, today, List.of()), email);
        for (int i = 0; i < appeals.size(); i++) {
            appeals.set(i, withFiles(c, appeals.get(i)));
        }
        return appeals;
    }

    private static Appeal withFiles(Connection c, Appeal a) throws SQLException {
        List<Appeal.Attachment> files = Statements.list(c, "SELECT id, file_name, content_type, size"
                + " FROM eservices.attachment WHERE appeal_id = ? ORDER BY id",
                rs -> new Appeal.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), a.id());
        return new Appeal(a.id(), a.number(), a.topicId(), a.topicName(), a.unitId(), a.unitName(), a.text(), a.latitude(),
                a.longitude(), a.applicantName(), a.email(), a.phone(), a.publicAppeal(), a.status(), a.receivedAt(),
                a.deadline(), a.overdue(), a.executorName(), a.executorPhone(), a.answer(), a.answeredAt(),
                a.handedOverTo(), a.handoverReference(), a.handoverRoute(), files, a.version());
    }

    private static Appeal appeal(ResultSet rs, LocalDate today, List<Appeal.Attachment> files) throws SQLException {
        AppealStatus status = AppealStatus.valueOf(rs.getString(14));
        LocalDate deadline = rs.getObject(16, LocalDate.class);
        return new Appeal(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), (Double) rs.getObject(8), (Double) rs.getObject(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getBoolean(13), status, instant(rs, 15), deadline, overdue(status, deadline, today),
                rs.getString(17), rs.getString(18), rs.getString(19), instant(rs, 20), rs.getString(21), rs.getString(22),
                rs.getString(23), files, rs.getLong(24));
    }

    static boolean overdue(AppealStatus status, LocalDate deadline, LocalDate today) {
        return status.open() && deadline.isBefore(today);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
