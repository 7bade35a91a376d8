package ua.hromada.opendata.audit;

import static ua.hromada.portal.api.PortalException.Reason.CONFLICT;
import static ua.hromada.portal.api.PortalException.Reason.FORBIDDEN;
import static ua.hromada.portal.api.PortalException.Reason.INVALID;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.opendata.api.OfficialRequest.AnswerFile;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.RegistryReferences;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.DataRequests;
import ua.hromada.opendata.audit.report.RequestLetter;
import ua.hromada.opendata.audit.rules.Rules;
import ua.hromada.opendata.audit.rules.Texts;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * Official requests (letters) to data managers about findings: registered and answered by
 * auditors, read by anyone with the open-data view right; every change goes to the audit log.
 * The answer's legal deadline is counted in working days (configured holidays skipped) unless a
 * date is given; the letter is drafted from the request and its findings; the answer's file is
 * kept in the database.
 */
@Component(service = {DataRequests.class, RegistryReferences.class}, configurationPid = AuditConfig.PID)
public class DataRequestsImpl implements DataRequests, RegistryReferences {
    static final int MAX_NUMBER = 50;
    static final int MAX_SUBJECT = 500;
    static final int MAX_TEXT = 20_000;
    private static final String SELECT = "SELECT r.id, r.manager_id, r.manager_name, r.number, r.sent_on, r.due_on, r.subject,"
            + " r.body, r.answered_on, r.answer,"
            + " coalesce((SELECT array_agg(finding_id ORDER BY finding_id) FROM opendata_audit.official_request_finding f"
            + " WHERE f.request_id = r.id), '{}'), r.version, a.file_name, a.media_type, a.size"
            + " FROM opendata_audit.official_request r"
            + " LEFT JOIN opendata_audit.official_request_answer a ON a.community = r.community AND a.request_id = r.id";

    private final AuditDatabase db;
    private final DatasetRegistry registry;
    private final AuditLog auditLog;
    private final PortalSettings portal;
    private final RequestSettings settings;
    private final Texts texts = Texts.ukrainian();

    @Activate
    public DataRequestsImpl(@Reference AuditDatabase db, @Reference DatasetRegistry registry,
            @Reference AuditLog auditLog, @Reference PortalSettings portal, AuditConfig config) {
        this(db, registry, auditLog, portal, RequestSettings.of(config));
    }

    // not public: DS chooses among public constructors by their number of arguments
    DataRequestsImpl(AuditDatabase db, DatasetRegistry registry, AuditLog auditLog, PortalSettings portal,
            RequestSettings settings) {
        this.db = db;
        this.registry = registry;
        this.auditLog = auditLog;
        this.portal = portal;
        this.settings = settings;
    }

    @Override
    public List<OfficialRequest> requests(PortalUser actor, Long managerId) {
        requireRead(actor);
        String sql = SELECT + (managerId == null ? "" : " WHERE r.manager_id = ?") + " ORDER BY r.sent_on DESC, r.id DESC";
        Object[] params = managerId == null ? new Object[0] : new Object[] {managerId};
        return db.read(c -> Statements.list(c, sql, DataRequestsImpl::read, params));
    }

    @Override
    public List<OfficialRequest> overdue(PortalUser actor) {
        LocalDate today = portal.today();
        return requests(actor, null).stream().filter(r -> r.overdue(today))
                .sorted(Comparator.comparing(OfficialRequest::dueOn).thenComparing(OfficialRequest::number)).toList();
    }

    @Override
    public LocalDate answerDeadline(LocalDate sentOn) {
        if (sentOn == null) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.sentOn");
        }
        return settings.calendar().deadline(sentOn, settings.answerWorkingDays());
    }

    @Override
    public long maxAnswerFileBytes() {
        return settings.maxAnswerBytes();
    }

    @Override
    public Optional<FileContent> answerFile(PortalUser actor, long id) {
        requireRead(actor);
        return db.read(c -> AnswerFiles.read(c, id));
    }

    @Override
    public void writeLetter(PortalUser actor, long id, LetterFormat format, OutputStream out) {
        requireRead(actor);
        OfficialRequest r = request(id).orElseThrow(() -> new OpendataException(NOT_FOUND, "opendata.audit.error.request.notFound", id));
        List<RequestLetter.Item> items = db.read(c -> Statements.list(c, "SELECT rule, dataset_title, explanation"
                + " FROM opendata_audit.finding WHERE id = ANY (?) ORDER BY dataset_title, id",
                rs -> new RequestLetter.Item(ruleTitle(rs.getString(1)), rs.getString(2), rs.getString(3)),
                c.createArrayOf("int8", r.findingIds().toArray())));
        LocalDate due = r.dueOn() == null ? answerDeadline(r.sentOn()) : r.dueOn();
        int days = due.equals(answerDeadline(r.sentOn())) ? settings.answerWorkingDays() : 0;
        try {
            new RequestLetter(texts).write(new RequestLetter.Letter(portal.communityName(), r.number(), r.sentOn(),
                    r.managerName(), r.subject(), r.text(), items, due, days), format, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the letter of request " + id + " could not be written", e);
        }
    }

    /** The rule's title as the audit's legend gives it; a rule no longer shipped by its id. */
    private String ruleTitle(String rule) {
        return Rules.all().stream().filter(r -> r.id().equals(rule)).findFirst()
                .map(r -> texts.get("opendata.audit.rule." + rule + ".title")).orElse(rule);
    }

    @Override
    public Optional<OfficialRequest> request(long id) {
        return db.read(c -> find(c, id));
    }

    @Override
    public OfficialRequest save(PortalUser actor, OfficialRequest request) {
        return save(actor, request, null, null);
    }

    @Override
    public OfficialRequest save(PortalUser actor, OfficialRequest request, String answerFileName, byte[] answerFile) {
        if (!OpendataPermissions.canAudit(actor)) {
            throw new OpendataException(FORBIDDEN, "opendata.audit.error.forbidden");
        }
        LocalDate today = portal.today();
        String number = trim(request.number());
        if (number.isEmpty() || number.length() > MAX_NUMBER) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.number", MAX_NUMBER);
        }
        if (request.sentOn() == null) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.sentOn");
        }
        if (request.sentOn().isAfter(today)) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.sentFuture");
        }
        if (request.dueOn() != null && request.dueOn().isBefore(request.sentOn())) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.dueBeforeSent");
        }
        String subject = trim(request.subject());
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.subject", MAX_SUBJECT);
        }
        String text = trim(request.text());
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.text", MAX_TEXT);
        }
        String answer = trim(request.answer());
        if ((request.answeredOn() == null) != answer.isEmpty() || answer.length() > MAX_TEXT) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.answer", MAX_TEXT);
        }
        if (request.answeredOn() != null && request.answeredOn().isBefore(request.sentOn())) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.answerBeforeSent");
        }
        if (request.answeredOn() != null && request.answeredOn().isAfter(today)) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.answerFuture");
        }
        AnswerFiles.Checked file = answerFile == null ? null
                : AnswerFiles.check(answerFileName, answerFile, settings.maxAnswerBytes());
        if (file != null && request.answeredOn() == null) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.fileWithoutAnswer");
        }
        // no date given: the legal deadline
        LocalDate due = request.dueOn() != null ? request.dueOn() : answerDeadline(request.sentOn());
        DataManager manager = registry.manager(request.managerId())
                .orElseThrow(() -> new OpendataException(INVALID, "opendata.audit.error.request.manager", request.managerId()));
        Set<Long> findingIds = new LinkedHashSet<>(request.findingIds());
        OfficialRequest clean = new OfficialRequest(request.id(), manager.id(), manager.name(), number, request.sentOn(),
                due, subject, text, request.answeredOn(), answer.isEmpty() ? null : answer, List.copyOf(findingIds),
                request.version());
        OfficialRequest saved = db.tx(c -> {
            checkFindings(c, manager.id(), findingIds);
            if (taken(c, number, clean.id())) {
                throw new OpendataException(CONFLICT, "opendata.audit.error.request.numberTaken", number);
            }
            long id;
            OfficialRequest before = null;
            if (clean.id() == 0) {
                id = insert(c, clean, actor);
            } else {
                before = find(c, clean.id()).orElseThrow(
                        () -> new OpendataException(NOT_FOUND, "opendata.audit.error.request.notFound", clean.id()));
                if (before.managerId() != clean.managerId()) {
                    throw new OpendataException(INVALID, "opendata.audit.error.request.managerChange");
                }
                id = clean.id();
                update(c, clean);
            }
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM opendata_audit.official_request_finding WHERE request_id = ?")) {
                del.setLong(1, id);
                del.executeUpdate();
            }
            Batch links = new Batch("opendata_audit.official_request_finding", "request_id bigint", "finding_id bigint");
            findingIds.forEach(f -> links.add(id, f));
            links.insert(c);
            if (file != null) {
                AnswerFiles.store(c, id, file, actor.username(), db.clock().instant());
            } else if (clean.answeredOn() == null) {
                AnswerFiles.delete(c, id); // the file belongs to the answer removed
            }
            OfficialRequest after = find(c, id).orElseThrow();
            auditLog.record(c, actor.username(), "opendata", "official-request", String.valueOf(id),
                    before == null ? "create" : "update", changes(before, after));
            return after;
        });
        return saved;
    }

    @Override
    public void delete(PortalUser actor, long id) {
        if (!OpendataPermissions.canAudit(actor)) {
            throw new OpendataException(FORBIDDEN, "opendata.audit.error.forbidden");
        }
        db.tx(c -> {
            OfficialRequest r = find(c, id).orElseThrow(
                    () -> new OpendataException(NOT_FOUND, "opendata.audit.error.request.notFound", id));
            // its links to findings go with it (ON DELETE CASCADE); the findings stay
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM opendata_audit.official_request WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            auditLog.record(c, actor.username(), "opendata", "official-request", String.valueOf(id), "delete",
                    r.number() + " від " + r.sentOn() + " до «" + r.managerName() + "»: " + r.subject());
            return null;
        });
    }

    /** A data manager with official requests stays: the letters are the record of what was asked. */
    @Override
    public Optional<OpendataException> blocksManagerDeletion(long managerId) {
        long n = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM opendata_audit.official_request WHERE manager_id = ?")) {
                ps.setLong(1, managerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        if (n == 0) {
            return Optional.empty();
        }
        String name = registry.manager(managerId).map(DataManager::name).orElse("#" + managerId);
        return Optional.of(new OpendataException(CONFLICT, "opendata.audit.error.deleteManagerRequests", name, n));
    }

    private long insert(Connection c, OfficialRequest r, PortalUser actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata_audit.official_request (manager_id, manager_name,"
                + " number, sent_on, due_on, subject, body, answered_on, answer, created_by, created_at, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id")) {
            Timestamp now = Timestamp.from(db.clock().instant());
            int i = fill(ps, r);
            ps.setString(i++, actor.username());
            ps.setTimestamp(i++, now);
            ps.setTimestamp(i, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(Connection c, OfficialRequest r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE opendata_audit.official_request SET manager_id = ?,"
                + " manager_name = ?, number = ?, sent_on = ?, due_on = ?, subject = ?, body = ?, answered_on = ?, answer = ?,"
                + " updated_at = ?, " + Versioned.BUMP + " WHERE id = ? AND version = ?")) {
            int i = fill(ps, r);
            ps.setTimestamp(i++, Timestamp.from(db.clock().instant()));
            ps.setLong(i++, r.id());
            ps.setLong(i, r.version());
            Versioned.check(ps.executeUpdate(), "opendata_audit.official_request", r.id());
        }
    }

    private static int fill(PreparedStatement ps, OfficialRequest r) throws SQLException {
        int i = 1;
        ps.setLong(i++, r.managerId());
        ps.setString(i++, r.managerName());
        ps.setString(i++, r.number());
        ps.setDate(i++, Date.valueOf(r.sentOn()));
        ps.setDate(i++, r.dueOn() == null ? null : Date.valueOf(r.dueOn()));
        ps.setString(i++, r.subject());
        ps.setString(i++, r.text());
        ps.setDate(i++, r.answeredOn() == null ? null : Date.valueOf(r.answeredOn()));
        ps.setString(i++, r.answer());
        return i;
    }

    private static boolean taken(Connection c, String number, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM opendata_audit.official_request WHERE lower(number) = lower(?) AND id <> ?")) {
            ps.setString(1, number);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every linked finding exists and is about this manager. */
    private static void checkFindings(Connection c, long managerId, Set<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> ok = Set.copyOf(Statements.list(c, "SELECT id FROM opendata_audit.finding WHERE id = ANY (?) AND manager_id = ?",
                rs -> rs.getLong(1), c.createArrayOf("int8", ids.toArray()), managerId));
        for (Long id : ids) {
            if (!ok.contains(id)) {
                throw new OpendataException(INVALID, "opendata.audit.error.request.finding", id);
            }
        }
    }

    private static Optional<OfficialRequest> find(Connection c, long id) throws SQLException {
        return Statements.first(c, SELECT + " WHERE r.id = ?", DataRequestsImpl::read, id);
    }

    private static OfficialRequest read(ResultSet rs) throws SQLException {
        Date due = rs.getDate(6);
        Date answered = rs.getDate(9);
        Long[] findings = (Long[]) rs.getArray(11).getArray();
        String file = rs.getString(13);
        return new OfficialRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), due == null ? null : due.toLocalDate(), rs.getString(7), rs.getString(8),
                answered == null ? null : answered.toLocalDate(), rs.getString(10), List.of(findings), rs.getLong(12),
                file == null ? null : new AnswerFile(file, rs.getString(14), rs.getLong(15)));
    }

    /** The changed fields, "field: old → new", for the audit log. */
    private static String changes(OfficialRequest before, OfficialRequest after) {
        Map<String, Object[]> fields = new TreeMap<>();
        fields.put("number", new Object[] {before == null ? null : before.number(), after.number()});
        fields.put("managerId", new Object[] {before == null ? null : before.managerId(), after.managerId()});
        fields.put("sentOn", new Object[] {before == null ? null : before.sentOn(), after.sentOn()});
        fields.put("dueOn", new Object[] {before == null ? null : before.dueOn(), after.dueOn()});
        fields.put("subject", new Object[] {before == null ? null : before.subject(), after.subject()});
        fields.put("answeredOn", new Object[] {before == null ? null : before.answeredOn(), after.answeredOn()});
        fields.put("answer", new Object[] {before == null ? null : abbreviate(before.answer()), abbreviate(after.answer())});
        fields.put("findingIds", new Object[] {before == null ? null : before.findingIds(), after.findingIds()});
        fields.put("answerFile", new Object[] {before == null ? null : describe(before.answerFile()), describe(after.answerFile())});
        StringBuilder sb = new StringBuilder();
        fields.forEach((name, v) -> {
            if (!java.util.Objects.equals(v[0], v[1])) {
                sb.append(sb.length() == 0 ? "" : "; ").append(name).append(": ").append(v[0]).append(" → ").append(v[1]);
            }
        });
        return sb.toString();
    }

    /** A file as the log names it: its name, kind and size (a replaced file of the same name shows by its size). */
    private static String describe(AnswerFile f) {
        return f == null ? null : f.fileName() + " (" + f.mediaType() + ", " + f.size() + " B)";
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    /** Whoever may open the requests page may read them: viewers, editors and auditors. */
    private static void requireRead(PortalUser actor) {
        if (!OpendataPermissions.canRead(actor)) {
            throw new OpendataException(FORBIDDEN, "opendata.audit.error.forbidden");
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
