package ua.hromada.eservices.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
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

import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.EservicesPermissions;
import ua.hromada.eservices.api.Unit;
import ua.hromada.eservices.api.Units;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/** The community's units: plain rows, checked and audited here. */
@Component(service = Units.class)
public class UnitsImpl implements Units {
    static final String ENTITY = "unit";
    private static final String COLUMNS = "id, code, name, role, email, phone, active, version";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{2,40}");
    /** Deliberately loose: one @, something on each side, a dot in the domain, no spaces. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]{3,40}");

    private final EservicesDatabase database;
    private final AuditLog audit;

    @Activate
    public UnitsImpl(@Reference EservicesDatabase database, @Reference AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public List<Unit> all() {
        return database.read(c -> Statements.list(c,
                "SELECT " + COLUMNS + " FROM eservices.unit ORDER BY active DESC, lower(name), id", UnitsImpl::unit));
    }

    @Override
    public Optional<Unit> find(long id) {
        return database.read(c -> Statements.first(c, "SELECT " + COLUMNS + " FROM eservices.unit WHERE id = ?",
                UnitsImpl::unit, id));
    }

    @Override
    public List<Unit> unitsOf(PortalUser user) {
        if (user == null) {
            return List.of();
        }
        if (user.hasPermission(EservicesPermissions.MANAGE)) {
            return all();
        }
        return all().stream().filter(u -> u.role() != null && user.roles().contains(u.role())).toList();
    }

    @Override
    public Unit save(PortalUser user, Unit unit) {
        if (user == null || !user.hasPermission(EservicesPermissions.MANAGE)) {
            throw new EservicesException(Reason.FORBIDDEN, "eservices.error.forbidden");
        }
        Unit u = normalised(unit);
        Map<String, String> errors = check(u);
        if (!errors.isEmpty()) {
            throw new EservicesException(errors);
        }
        return database.tx(c -> {
            if (codeTaken(c, u)) {
                throw new EservicesException(Reason.CONFLICT, "eservices.unit.error.codeTaken", u.code());
            }
            return u.id() == 0 ? insert(c, user, u) : update(c, user, u);
        });
    }

    private Unit insert(Connection c, PortalUser user, Unit u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO eservices.unit (code, name, role, email, phone, active)"
                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            bind(ps, u);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                audit.record(c, user.username(), EservicesDatabase.MODULE, ENTITY, String.valueOf(id), "create",
                        new AuditChanges().value("code", u.code()).value("name", u.name()).value("role", u.role())
                                .value("email", u.email()).value("phone", u.phone()).text());
                return new Unit(id, u.code(), u.name(), u.role(), u.email(), u.phone(), u.active(), 0);
            }
        }
    }

    private Unit update(Connection c, PortalUser user, Unit u) throws SQLException {
        Unit before = Statements.first(c, "SELECT " + COLUMNS + " FROM eservices.unit WHERE id = ?", UnitsImpl::unit, u.id())
                .orElseThrow(() -> new EservicesException(Reason.NOT_FOUND, "eservices.error.notFound"));
        try (PreparedStatement ps = c.prepareStatement("UPDATE eservices.unit SET code = ?, name = ?, role = ?, email = ?,"
                + " phone = ?, active = ?, " + Versioned.BUMP + " WHERE id = ? AND " + Versioned.COLUMN + " = ?")) {
            bind(ps, u);
            ps.setLong(7, u.id());
            ps.setLong(8, u.version());
            Versioned.check(ps.executeUpdate(), ENTITY, u.id());
        }
        AuditChanges changes = new AuditChanges().changed("code", before.code(), u.code())
                .changed("name", before.name(), u.name()).changed("role", before.role(), u.role())
                .changed("email", before.email(), u.email()).changed("phone", before.phone(), u.phone())
                .changed("active", before.active(), u.active());
        if (!changes.isEmpty()) {
            audit.record(c, user.username(), EservicesDatabase.MODULE, ENTITY, String.valueOf(u.id()), "update",
                    changes.text());
        }
        return new Unit(u.id(), u.code(), u.name(), u.role(), u.email(), u.phone(), u.active(), u.version() + 1);
    }

    private static void bind(PreparedStatement ps, Unit u) throws SQLException {
        ps.setString(1, u.code());
        ps.setString(2, u.name());
        ps.setString(3, u.role());
        ps.setString(4, u.email());
        ps.setString(5, u.phone());
        ps.setBoolean(6, u.active());
    }

    private static boolean codeTaken(Connection c, Unit u) throws SQLException {
        return Statements.first(c, "SELECT id FROM eservices.unit WHERE lower(code) = lower(?) AND id <> ?",
                rs -> rs.getLong(1), u.code(), u.id()).isPresent();
    }

    /** Field → message key for every rule the unit breaks. */
    static Map<String, String> check(Unit u) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (u.code() == null || !CODE.matcher(u.code()).matches()) {
            errors.put("code", "eservices.unit.error.code");
        }
        if (u.name() == null || u.name().length() > 300) {
            errors.put("name", "eservices.unit.error.name");
        }
        if (u.role() != null && u.role().length() > 100) {
            errors.put("role", "eservices.unit.error.role");
        }
        if (u.email() != null && (u.email().length() > 254 || !EMAIL.matcher(u.email()).matches())) {
            errors.put("email", "eservices.unit.error.email");
        }
        if (u.phone() != null && !PHONE.matcher(u.phone()).matches()) {
            errors.put("phone", "eservices.unit.error.phone");
        }
        return errors;
    }

    /** Trimmed, blanks as null. */
    private static Unit normalised(Unit u) {
        return new Unit(u.id(), blankToNull(u.code()), blankToNull(u.name()), blankToNull(u.role()),
                blankToNull(u.email()), blankToNull(u.phone()), u.active(), u.version());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Unit unit(ResultSet rs) throws SQLException {
        return new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getLong(8));
    }
}
