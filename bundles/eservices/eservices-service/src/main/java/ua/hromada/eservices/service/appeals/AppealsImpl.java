package ua.hromada.eservices.service.appeals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealQuery;
import ua.hromada.eservices.api.AppealStatistics;
import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.eservices.api.AppealStep;
import ua.hromada.eservices.api.AppealSummary;
import ua.hromada.eservices.api.Appeals;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.EservicesPermissions;
import ua.hromada.eservices.api.Unit;
import ua.hromada.eservices.api.Units;
import ua.hromada.eservices.service.EservicesDatabase;
import ua.hromada.eservices.service.mail.Mailer;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.SqlCondition;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The employees' handling: an employee sees the appeals of the units whose role he holds
 * ({@link Units#unitsOf}), {@link EservicesPermissions#MANAGE} every unit's. Each step changes the
 * appeal under its version, writes its journal line and its audit entry in one transaction, and
 * e-mails the applicant after the commit.
 */
@Component(service = Appeals.class)
public class AppealsImpl implements Appeals {
    private final EservicesDatabase database;
    private final AuditLog audit;
    private final AppealSettings settings;
    private final Units units;
    private final AppealMail mail;

    @Activate
    public AppealsImpl(@Reference EservicesDatabase database, @Reference AuditLog audit,
            @Reference AppealSettings settings, @Reference Units units, @Reference Mailer mailer) {
        this.database = database;
        this.audit = audit;
        this.settings = settings;
        this.units = units;
        this.mail = new AppealMail(mailer, new AppealMessages(), settings, database);
    }

    /** The ids of the units the user handles; FORBIDDEN without either right. */
    private Set<Long> visibleUnits(PortalUser user) {
        if (user == null || !(user.hasPermission(EservicesPermissions.APPEALS)
                || user.hasPermission(EservicesPermissions.MANAGE))) {
            throw new EservicesException(Reason.FORBIDDEN, "eservices.error.forbidden");
        }
        return units.unitsOf(user).stream().map(Unit::id).collect(Collectors.toSet());
    }

    /** The appeals of a query within the user's units. */
    private static SqlCondition where(Set<Long> visible, AppealQuery q, LocalDate today) {
        SqlCondition.Builder w = SqlCondition.builder().and("a.unit_id = ANY (?)", (Object) visible.toArray(Long[]::new));
        if (q.unitId() != null) {
            w.and("a.unit_id = ?", q.unitId());
        }
        if (q.status() != null) {
            w.and("a.status = ?", q.status().name());
        }
        if (q.topicId() != null) {
            w.and("a.topic_id = ?", q.topicId());
        }
        if (q.text() != null && !q.text().isBlank()) {
            String pattern = Statements.containing(q.text().strip());
            w.and("a.number ILIKE ? OR a.text ILIKE ? OR a.applicant_name ILIKE ?", pattern, pattern, pattern);
        }
        if (q.overdueOnly()) {
            w.and("a.status IN ('REGISTERED', 'ASSIGNED') AND a.deadline < ?", today);
        }
        return w.build();
    }

    @Override
    public List<AppealSummary> find(PortalUser user, AppealQuery query) {
        Set<Long> visible = visibleUnits(user);
        LocalDate today = settings.portal().today();
        SqlCondition where = where(visible, query, today);
        return database.read(c -> Statements.list(c, "SELECT a.id, a.number, t.name, u.name, a.status, a.received_at,"
                + " a.deadline, a.applicant_name, a.public_appeal, a.executor_name FROM eservices.appeal a"
                + " JOIN eservices.topic t ON t.id = a.topic_id JOIN eservices.unit u ON u.id = a.unit_id" + where.where()
                + " ORDER BY a.received_at DESC, a.id DESC LIMIT ? OFFSET ?", rs -> {
                    AppealStatus status = AppealStatus.valueOf(rs.getString(5));
                    LocalDate deadline = rs.getObject(7, LocalDate.class);
                    return new AppealSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), status,
                            AppealStore.instant(rs, 6), deadline, AppealStore.overdue(status, deadline, today),
                            rs.getString(8), rs.getBoolean(9), rs.getString(10));
                }, where.paramsThen(Math.max(1, Math.min(query.limit(), 500)), Math.max(0, query.offset()))));
    }

    @Override
    public int count(PortalUser user, AppealQuery query) {
        Set<Long> visible = visibleUnits(user);
        SqlCondition where = where(visible, query, settings.portal().today());
        return database.read(c -> Statements.first(c, "SELECT count(*) FROM eservices.appeal a" + where.where(),
                rs -> rs.getInt(1), where.paramsThen()).orElse(0));
    }

    @Override
    public Appeal get(PortalUser user, long id) {
        Set<Long> visible = visibleUnits(user);
        return database.read(c -> visible(c, visible, id));
    }

    private Appeal visible(Connection c, Set<Long> visible, long id) throws SQLException {
        return AppealStore.get(c, id, settings.portal().today()).filter(a -> visible.contains(a.unitId()))
                .orElseThrow(() -> new EservicesException(Reason.NOT_FOUND, "eservices.error.notFound"));
    }

    @Override
    public Appeal assign(PortalUser user, long id, long version, String executorName, String executorPhone) {
        String name = AppealRules.strip(executorName);
        String phone = AppealRules.strip(executorPhone);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (name == null || name.length() > AppealRules.MAX_NAME) {
            errors.put("executorName", "eservices.appeal.error.executorName");
        }
        if (!AppealRules.phone(phone)) {
            errors.put("executorPhone", "eservices.appeal.error.executorPhone");
        }
        if (!errors.isEmpty()) {
            throw new EservicesException(errors);
        }
        Appeal assigned = step(user, id, version, Set.of(AppealStatus.REGISTERED, AppealStatus.ASSIGNED), (c, before) -> {
            update(c, "status = 'ASSIGNED', executor_name = ?, executor_phone = ?", id, version, name, phone);
            AppealStore.step(c, id, now(), user.displayName(), "ASSIGNED",
                    new AppealMessages().ukrainian("eservices.appeal.detail.assigned", name, phone));
            return new AuditChanges().changed("status", before.status().name(), AppealStatus.ASSIGNED.name())
                    .changed("executorName", before.executorName(), name)
                    .changed("executorPhone", before.executorPhone(), phone);
        }, "assign");
        mail.assigned(assigned);
        return assigned;
    }

    @Override
    public Appeal answer(PortalUser user, long id, long version, String answer) {
        String text = AppealRules.strip(answer);
        if (text == null || text.length() > AppealRules.MAX_ANSWER) {
            throw new EservicesException(Map.of("answer", "eservices.appeal.error.answer"));
        }
        Appeal answered = step(user, id, version, Set.of(AppealStatus.REGISTERED, AppealStatus.ASSIGNED), (c, before) -> {
            update(c, "status = 'ANSWERED', answer = ?, answered_at = ?", id, version, text, Timestamp.from(now()));
            AppealStore.step(c, id, now(), user.displayName(), "ANSWERED", null);
            return new AuditChanges().changed("status", before.status().name(), AppealStatus.ANSWERED.name());
        }, "answer");
        mail.answered(answered);
        return answered;
    }

    @Override
    public Appeal close(PortalUser user, long id, long version) {
        return step(user, id, version, Set.of(AppealStatus.ANSWERED), (c, before) -> {
            update(c, "status = 'CLOSED'", id, version);
            AppealStore.step(c, id, now(), user.displayName(), "CLOSED", null);
            return new AuditChanges().changed("status", before.status().name(), AppealStatus.CLOSED.name());
        }, "close");
    }

    /** One step's change: its SQL and journal line, answering the audit's changes. */
    private interface Change {
        AuditChanges apply(Connection c, Appeal before) throws SQLException;
    }

    private Appeal step(PortalUser user, long id, long version, Set<AppealStatus> allowed, Change change,
            String action) {
        Set<Long> visible = visibleUnits(user);
        return database.tx(c -> {
            Appeal before = visible(c, visible, id);
            if (before.version() == version && !allowed.contains(before.status())) {
                throw new EservicesException(Reason.CONFLICT, "eservices.appeal.error.state",
                        new AppealMessages().ukrainian("eservices.appeal.status." + before.status().name()));
            }
            AuditChanges changes = change.apply(c, before);
            audit.record(c, user.username(), AppealStore.MODULE, AppealStore.ENTITY, String.valueOf(id), action,
                    changes.text());
            return AppealStore.get(c, id, settings.portal().today()).orElseThrow();
        });
    }

    /** {@code UPDATE ... SET <set>} of the appeal at {@code version}; an outdated version is a conflict. */
    private static void update(Connection c, String set, long id, long version, Object... values) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE eservices.appeal SET " + set + ", " + Versioned.BUMP
                + " WHERE id = ? AND version = ?")) {
            int i = 1;
            for (Object v : values) {
                ps.setObject(i++, v);
            }
            ps.setLong(i++, id);
            ps.setLong(i, version);
            Versioned.check(ps.executeUpdate(), AppealStore.ENTITY, id);
        }
    }

    private Instant now() {
        return settings.portal().clock().instant();
    }

    @Override
    public List<AppealStep> journal(PortalUser user, long id) {
        Set<Long> visible = visibleUnits(user);
        return database.read(c -> {
            visible(c, visible, id);
            return AppealStore.journal(c, id);
        });
    }

    @Override
    public byte[] attachment(PortalUser user, long appealId, long attachmentId) {
        Set<Long> visible = visibleUnits(user);
        return database.read(c -> {
            visible(c, visible, appealId);
            return Statements.first(c, "SELECT content FROM eservices.attachment WHERE id = ? AND appeal_id = ?",
                    rs -> rs.getBytes(1), attachmentId, appealId)
                    .orElseThrow(() -> new EservicesException(Reason.NOT_FOUND, "eservices.error.notFound"));
        });
    }

    @Override
    public List<AppealStatistics> statistics(PortalUser user, LocalDate from, LocalDate to) {
        Set<Long> visible = visibleUnits(user);
        if (from == null || to == null || from.isAfter(to) || from.plusYears(5).isBefore(to)) {
            throw new EservicesException(Map.of("period", "eservices.appeal.error.period"));
        }
        String zone = settings.portal().timeZone().getId();
        LocalDate today = settings.portal().today();
        // the received date and the answer's date in the community's zone
        String received = "(a.received_at AT TIME ZONE ?)";
        return database.read(c -> Statements.list(c, "SELECT to_char(" + received + ", 'YYYY-MM') AS month, t.name, u.name,"
                + " count(*), count(*) FILTER (WHERE a.answered_at IS NOT NULL OR a.status = 'HANDED_OVER'),"
                + " count(*) FILTER (WHERE a.answered_at IS NOT NULL AND (a.answered_at AT TIME ZONE ?)::date > a.deadline),"
                + " count(*) FILTER (WHERE a.status IN ('REGISTERED', 'ASSIGNED') AND a.deadline < ?)"
                + " FROM eservices.appeal a JOIN eservices.topic t ON t.id = a.topic_id JOIN eservices.unit u ON u.id = a.unit_id"
                + " WHERE a.unit_id = ANY (?) AND " + received + "::date BETWEEN ? AND ?"
                + " GROUP BY 1, t.name, u.name ORDER BY 1, t.name, u.name",
                rs -> new AppealStatistics(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7)),
                zone, zone, today, visible.toArray(Long[]::new), zone, from, to));
    }
}
