package ua.hromada.oks.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/** Types, executor organisations and workflow actions in schema {@code oks}. */
@Component(service = OksCatalog.class)
public class OksCatalogImpl implements OksCatalog {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (OksLimits.TYPE_CODE - 1) + "}");
    private static final String TYPE = "SELECT id, code, name, description, active, version FROM oks.violation_type";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final OksDatabase db;
    private final AuditLog audit;

    @Activate
    public OksCatalogImpl(@Reference OksDatabase db, @Reference AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public List<ViolationType> types(boolean includeInactive) {
        return db.read(c -> Statements.list(c, TYPE + (includeInactive ? "" : " WHERE active") + " ORDER BY name",
                OksCatalogImpl::type));
    }

    static ViolationType type(ResultSet rs) throws SQLException {
        return new ViolationType(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("description"), rs.getBoolean("active"), rs.getLong("version"));
    }

    @Override
    public Optional<ViolationType> typeByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return db.read(c -> Statements.first(c, TYPE + " WHERE code = ?", OksCatalogImpl::type, code.strip()));
    }

    Optional<ViolationType> type(Connection c, long id) throws SQLException {
        return Statements.first(c, TYPE + " WHERE id = ?", OksCatalogImpl::type, id);
    }

    @Override
    public ViolationType saveType(PortalUser admin, ViolationType t) {
        Access.require(Access.admin(admin));
        String code = t.code() == null ? "" : t.code().strip().toLowerCase(java.util.Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new OksException(Reason.INVALID, "oks.error.typeCode");
        }
        String name = required(t.name(), OksLimits.CATALOGUE_NAME, "oks.error.typeName");
        ViolationType saved = db.tx(c -> {
            if (exists(c, "SELECT 1 FROM oks.violation_type WHERE code = ? AND id <> ?", code, t.id())) {
                throw new OksException(Reason.CONFLICT, "oks.error.typeCodeTaken", code);
            }
            if (t.id() == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO oks.violation_type (code, name, description, active) VALUES (?,?,?,?) RETURNING id")) {
                    ps.setString(1, code);
                    ps.setString(2, name);
                    ps.setString(3, blankToNull(t.description()));
                    ps.setBoolean(4, t.active());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new ViolationType(rs.getLong(1), code, name, blankToNull(t.description()), t.active(), 0);
                    }
                }
            }
            if (!Versioned.lock(c, "oks.violation_type", t.id(), t.version())) {
                throw new OksException(Reason.NOT_FOUND, "oks.error.notFound");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE oks.violation_type SET code = ?, name = ?,"
                    + " description = ?, active = ?, " + Versioned.BUMP + " WHERE id = ? AND version = ?")) {
                ps.setString(1, code);
                ps.setString(2, name);
                ps.setString(3, blankToNull(t.description()));
                ps.setBoolean(4, t.active());
                ps.setLong(5, t.id());
                ps.setLong(6, t.version());
                Versioned.check(ps.executeUpdate(), "oks.violation_type", t.id());
            }
            return new ViolationType(t.id(), code, name, blankToNull(t.description()), t.active(), t.version() + 1);
        });
        audit.record(admin.username(), "oks", "violation-type", Long.toString(saved.id()), t.id() == 0 ? "create" : "update",
                saved.code() + " " + saved.name() + (saved.active() ? "" : " (inactive)"));
        return saved;
    }

    @Override
    public List<ExecutorOrganisation> executors(boolean includeInactive) {
        return db.read(c -> executors(c, includeInactive ? "" : " WHERE o.active", null));
    }

    private List<ExecutorOrganisation> executors(Connection c, String where, Object param) throws SQLException {
        Map<Long, ExecutorOrganisation> byId = new LinkedHashMap<>();
        Map<Long, List<String>> members = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.id, o.name, o.email, o.phone, o.active, m.username, o.version"
                + " FROM oks.executor_org o LEFT JOIN oks.executor_member m ON m.org_id = o.id" + where
                + " ORDER BY o.name, m.username")) {
            if (param != null) {
                ps.setObject(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    byId.computeIfAbsent(id, k -> {
                        try {
                            return new ExecutorOrganisation(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getBoolean(5), List.of(), rs.getLong(7));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    List<String> list = members.computeIfAbsent(id, k -> new ArrayList<>());
                    if (rs.getString(6) != null) {
                        list.add(rs.getString(6));
                    }
                }
            }
        }
        List<ExecutorOrganisation> out = new ArrayList<>();
        byId.forEach((id, o) -> out.add(new ExecutorOrganisation(id, o.name(), o.email(), o.phone(), o.active(),
                members.get(id), o.version())));
        return out;
    }

    @Override
    public Optional<ExecutorOrganisation> executor(long id) {
        return db.read(c -> executor(c, id));
    }

    Optional<ExecutorOrganisation> executor(Connection c, long id) throws SQLException {
        return executors(c, " WHERE o.id = ?", id).stream().findFirst();
    }

    @Override
    public ExecutorOrganisation saveExecutor(PortalUser admin, ExecutorOrganisation o) {
        Access.require(Access.admin(admin));
        String name = required(o.name(), OksLimits.EXECUTOR_NAME, "oks.error.executorName");
        String email = blankToNull(o.email());
        if (email != null && (!EMAIL.matcher(email).matches() || email.length() > 200)) {
            throw new OksException(Reason.INVALID, "oks.error.email", email);
        }
        String phone = blankToNull(o.phone());
        if (phone != null && phone.length() > 60) {
            throw new OksException(Reason.INVALID, "oks.error.phone");
        }
        List<String> members = o.members().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        ExecutorOrganisation saved = db.tx(c -> {
            if (exists(c, "SELECT 1 FROM oks.executor_org WHERE lower(name) = lower(?) AND id <> ?", name, o.id())) {
                throw new OksException(Reason.CONFLICT, "oks.error.executorNameTaken", name);
            }
            long id = o.id();
            if (id == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO oks.executor_org (name, email, phone, active) VALUES (?,?,?,?) RETURNING id")) {
                    ps.setString(1, name);
                    ps.setString(2, email);
                    ps.setString(3, phone);
                    ps.setBoolean(4, o.active());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
            } else {
                // the row and its members change together: lock and check the version first
                if (!Versioned.lock(c, "oks.executor_org", id, o.version())) {
                    throw new OksException(Reason.NOT_FOUND, "oks.error.notFound");
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE oks.executor_org SET name = ?, email = ?,"
                        + " phone = ?, active = ?, " + Versioned.BUMP + " WHERE id = ? AND version = ?")) {
                    ps.setString(1, name);
                    ps.setString(2, email);
                    ps.setString(3, phone);
                    ps.setBoolean(4, o.active());
                    ps.setLong(5, id);
                    ps.setLong(6, o.version());
                    Versioned.check(ps.executeUpdate(), "oks.executor_org", id);
                }
                Statements.update(c, "DELETE FROM oks.executor_member WHERE org_id = ?", id);
            }
            long orgId = id;
            Statements.batch(c, "INSERT INTO oks.executor_member (org_id, username) VALUES (?, ?)", members, (ps, m) -> {
                ps.setLong(1, orgId);
                ps.setString(2, m);
            });
            return executor(c, id).orElseThrow();
        });
        audit.record(admin.username(), "oks", "executor-organisation", Long.toString(saved.id()),
                o.id() == 0 ? "create" : "update", saved.name() + " " + saved.members());
        return saved;
    }

    @Override
    public List<ExecutorOrganisation> organisationsOf(String username) {
        return db.read(c -> executors(c,
                " WHERE o.id IN (SELECT org_id FROM oks.executor_member WHERE username = ?)", username));
    }

    @Override
    public List<WorkflowAction> actions() {
        return db.read(OksCatalogImpl::actions);
    }

    static List<WorkflowAction> actions(Connection c) throws SQLException {
        return Statements.list(c, "SELECT " + ActionRows.select("a") + " FROM oks.workflow_action a"
                + " ORDER BY a.status_group, a.code", rs -> ActionRows.read(rs, "a"));
    }

    @Override
    public WorkflowAction saveAction(PortalUser admin, WorkflowAction a) {
        Access.require(Access.admin(admin));
        if (a.group() == null || a.responsible() == null) {
            throw new OksException(Reason.INVALID, "oks.error.actionIncomplete");
        }
        if (a.code() <= 0 || a.code() > 9999) {
            throw new OksException(Reason.INVALID, "oks.error.actionCode");
        }
        String name = required(a.name(), OksLimits.CATALOGUE_NAME, "oks.error.actionName");
        boolean create = a.key().isEmpty();
        WorkflowAction saved = db.tx(c -> {
            List<WorkflowAction> all = actions(c);
            WorkflowAction stored = create ? null : all.stream().filter(x -> x.key().equals(a.key())).findFirst()
                    .orElseThrow(() -> new OksException(Reason.NOT_FOUND, "oks.error.notFound"));
            WorkflowAction wanted = ActionRules.checked(withName(stored != null && ActionRules.carriesNoRules(a)
                    ? ActionRules.withRulesOf(a, stored) : a, name), stored, all);
            if (exists(c, "SELECT 1 FROM oks.workflow_action WHERE code = ? AND kind <> ?", wanted.code(), wanted.key())) {
                throw new OksException(Reason.CONFLICT, "oks.error.actionCodeTaken", wanted.code());
            }
            if (create) {
                String key;
                try (PreparedStatement ps = c.prepareStatement("SELECT 'ACTION_' || nextval('oks.workflow_action_key_seq')");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    key = rs.getString(1);
                }
                WorkflowAction row = ActionRules.withKey(wanted, key, 0);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO oks.workflow_action (kind, code, name,"
                        + " status_group, responsible, effect, active, roles, after_keys, inputs, required, document)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    ActionRows.bind(c, ps, row);
                    ps.executeUpdate();
                }
                return row;
            }
            // no row updated means a stale version: the row exists (read above in this transaction)
            try (PreparedStatement ps = c.prepareStatement("UPDATE oks.workflow_action SET code = ?, name = ?,"
                    + " status_group = ?, responsible = ?, effect = ?, active = ?, roles = ?, after_keys = ?, inputs = ?,"
                    + " required = ?, document = ?, " + Versioned.BUMP + " WHERE kind = ? AND version = ?")) {
                int i = ActionRows.bindRules(c, ps, 1, wanted);
                ps.setString(i++, wanted.key());
                ps.setLong(i, a.version());
                Versioned.check(ps.executeUpdate(), "oks.workflow_action", wanted.key());
            }
            return ActionRules.withKey(wanted, wanted.key(), a.version() + 1);
        });
        audit.record(admin.username(), "oks", "workflow-action", saved.key(), create ? "create" : "update",
                saved.displayCode() + " " + name + " → " + saved.responsible() + (saved.active() ? "" : " (inactive)")
                        + " after " + new java.util.TreeSet<>(saved.after()) + " by " + saved.roles());
        return saved;
    }

    private static WorkflowAction withName(WorkflowAction a, String name) {
        return new WorkflowAction(a.key(), a.code(), name, a.group(), a.responsible(), a.effect(), a.active(), a.roles(),
                a.after(), a.inputs(), a.required(), a.document(), a.version());
    }

    private static boolean exists(Connection c, String sql, Object a, Object b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, a);
            ps.setObject(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static String required(String value, int max, String key) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new OksException(Reason.INVALID, key, max);
        }
        return v;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
