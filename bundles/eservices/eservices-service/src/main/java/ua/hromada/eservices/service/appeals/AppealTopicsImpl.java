package ua.hromada.eservices.service.appeals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.AppealTopics;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.EservicesPermissions;
import ua.hromada.eservices.service.EservicesDatabase;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/** The appeal form's topics and their routing (unit, working days, hand-over), checked and audited here. */
@Component(service = AppealTopics.class)
public class AppealTopicsImpl implements AppealTopics {
    static final String ENTITY = "topic";
    private static final String COLUMNS = "id, code, name, description, unit_id, deadline_days, handover, active,"
            + " position, version";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{2,40}");

    private final EservicesDatabase database;
    private final AuditLog audit;
    private final Handovers handovers;

    @Activate
    public AppealTopicsImpl(@Reference EservicesDatabase database, @Reference AuditLog audit,
            @Reference Handovers handovers) {
        this.database = database;
        this.audit = audit;
        this.handovers = handovers;
    }

    @Override
    public List<AppealTopic> all() {
        return database.read(c -> Statements.list(c, "SELECT " + COLUMNS + " FROM eservices.topic"
                + " ORDER BY position, lower(name), id", AppealTopicsImpl::topic));
    }

    @Override
    public List<AppealTopic> active() {
        return all().stream().filter(AppealTopic::active).toList();
    }

    @Override
    public Optional<AppealTopic> find(long id) {
        return database.read(c -> find(c, id));
    }

    static Optional<AppealTopic> find(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT " + COLUMNS + " FROM eservices.topic WHERE id = ?", AppealTopicsImpl::topic, id);
    }

    @Override
    public AppealTopic save(PortalUser user, AppealTopic topic) {
        if (user == null || !user.hasPermission(EservicesPermissions.MANAGE)) {
            throw new EservicesException(Reason.FORBIDDEN, "eservices.error.forbidden");
        }
        AppealTopic t = new AppealTopic(topic.id(), strip(topic.code()), strip(topic.name()), strip(topic.description()),
                topic.unitId(), topic.deadlineDays(), topic.handover() == null ? "" : topic.handover().strip(),
                topic.active(), topic.position(), topic.version());
        return database.tx(c -> {
            Optional<AppealTopic> before = t.id() == 0 ? Optional.empty() : find(c, t.id());
            if (t.id() != 0 && before.isEmpty()) {
                throw new EservicesException(Reason.NOT_FOUND, "eservices.error.notFound");
            }
            Map<String, String> errors = check(c, t, before.map(AppealTopic::handover).orElse(""));
            if (!errors.isEmpty()) {
                throw new EservicesException(errors);
            }
            if (Statements.first(c, "SELECT id FROM eservices.topic WHERE lower(code) = lower(?) AND id <> ?",
                    rs -> rs.getLong(1), t.code(), t.id()).isPresent()) {
                throw new EservicesException(Reason.CONFLICT, "eservices.appeal.topic.error.codeTaken", t.code());
            }
            return t.id() == 0 ? insert(c, user, t) : update(c, user, before.get(), t);
        });
    }

    private AppealTopic insert(Connection c, PortalUser user, AppealTopic t) throws SQLException {
        long id = Statements.first(c, "INSERT INTO eservices.topic (code, name, description, unit_id, deadline_days,"
                + " handover, active, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", rs -> rs.getLong(1),
                t.code(), t.name(), t.description(), t.unitId(), t.deadlineDays(), t.handover(), t.active(),
                t.position()).orElseThrow();
        audit.record(c, user.username(), AppealStore.MODULE, ENTITY, String.valueOf(id), "create",
                new AuditChanges().value("code", t.code()).value("name", t.name()).value("unit", t.unitId())
                        .value("deadlineDays", t.deadlineDays()).value("handover", t.handover()).text());
        return new AppealTopic(id, t.code(), t.name(), t.description(), t.unitId(), t.deadlineDays(), t.handover(),
                t.active(), t.position(), 0);
    }

    private AppealTopic update(Connection c, PortalUser user, AppealTopic before, AppealTopic t) throws SQLException {
        int updated;
        try (var ps = c.prepareStatement("UPDATE eservices.topic SET code = ?, name = ?, description = ?, unit_id = ?,"
                + " deadline_days = ?, handover = ?, active = ?, position = ?, " + Versioned.BUMP
                + " WHERE id = ? AND version = ?")) {
            Object[] values = {t.code(), t.name(), t.description(), t.unitId(), t.deadlineDays(), t.handover(),
                t.active(), t.position(), t.id(), t.version()};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            updated = ps.executeUpdate();
        }
        Versioned.check(updated, ENTITY, t.id());
        AuditChanges changes = new AuditChanges().changed("code", before.code(), t.code())
                .changed("name", before.name(), t.name()).changed("description", before.description(), t.description())
                .changed("unit", before.unitId(), t.unitId()).changed("deadlineDays", before.deadlineDays(), t.deadlineDays())
                .changed("handover", before.handover(), t.handover()).changed("active", before.active(), t.active())
                .changed("position", before.position(), t.position());
        if (!changes.isEmpty()) {
            audit.record(c, user.username(), AppealStore.MODULE, ENTITY, String.valueOf(t.id()), "update", changes.text());
        }
        return new AppealTopic(t.id(), t.code(), t.name(), t.description(), t.unitId(), t.deadlineDays(), t.handover(),
                t.active(), t.position(), t.version() + 1);
    }

    /** Field → message key; a hand-over target must be present now unless the topic had it already. */
    private Map<String, String> check(Connection c, AppealTopic t, String handoverBefore) throws SQLException {
        Map<String, String> errors = new LinkedHashMap<>();
        if (t.code() == null || !CODE.matcher(t.code()).matches()) {
            errors.put("code", "eservices.appeal.topic.error.code");
        }
        if (t.name() == null || t.name().length() > 200) {
            errors.put("name", "eservices.appeal.topic.error.name");
        }
        if (t.description() != null && t.description().length() > 1000) {
            errors.put("description", "eservices.appeal.topic.error.description");
        }
        if (Statements.first(c, "SELECT 1 FROM eservices.unit WHERE id = ? AND active", rs -> true, t.unitId()).isEmpty()) {
            errors.put("unitId", "eservices.appeal.topic.error.unit");
        }
        if (t.deadlineDays() < 1 || t.deadlineDays() > 90) {
            errors.put("deadlineDays", "eservices.appeal.topic.error.deadline");
        }
        if (!t.handover().isEmpty() && !t.handover().equals(handoverBefore)
                && !handovers.targets().contains(t.handover())) {
            errors.put("handover", "eservices.appeal.topic.error.handover");
        }
        return errors;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static AppealTopic topic(ResultSet rs) throws SQLException {
        return new AppealTopic(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getInt(6), rs.getString(7), rs.getBoolean(8), rs.getInt(9), rs.getLong(10));
    }
}
