package ua.hromada.example.phonebook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.Transactions;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The directory's data: plain JDBC on the portal's community DataSource (each connection sees only
 * the rows of the community of the running work), one {@link Transactions} call per
 * operation, every change in the portal's audit log. The schema is migrated in the constructor, so
 * no view or search can use this service before its tables exist.
 */
@Component(service = Phonebook.class)
public class Phonebook {

    static final String MODULE = "phonebook";
    static final String SCHEMA = "phonebook";
    static final String ENTITY = "phonebook.entry";
    private static final String TABLE = SCHEMA + ".entry";
    private static final String COLUMNS = "id, unit, person, phone, " + Versioned.COLUMN;

    private final DataSource dataSource;
    private final AuditLog audit;

    @Activate
    public Phonebook(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference SchemaMigrations migrations, @Reference AuditLog audit, BundleContext context) {
        migrations.migrate(context.getBundle(), SCHEMA, "db/migration/phonebook");
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** Every entry, by unit and then person. */
    public List<PhoneEntry> list() {
        return Transactions.read(dataSource, MODULE, c -> query(c,
                "SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY lower(unit), lower(coalesce(person, '')), id"));
    }

    /** Entries whose unit, person or phone contains the text (case-insensitive), at most {@code limit}. */
    public List<PhoneEntry> find(String text, int limit) {
        String like = "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Transactions.read(dataSource, MODULE, c -> query(c,
                "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE lower(unit) LIKE ? OR lower(coalesce(person, '')) LIKE ?"
                        + " OR phone LIKE ? ORDER BY lower(unit), id LIMIT ?", like, like, like, limit));
    }

    /** Stores a new entry. @throws InvalidEntryException when the form breaks a rule */
    public PhoneEntry add(EntryForm form, String actor) {
        EntryForm f = valid(form);
        PhoneEntry saved = Transactions.tx(dataSource, MODULE, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + TABLE + " (unit, person, phone) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, f.unit());
                ps.setString(2, f.person());
                ps.setString(3, f.phone());
                ps.executeUpdate();
                PhoneEntry entry;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    entry = new PhoneEntry(keys.getLong(1), f.unit(), f.person(), f.phone(), 0);
                }
                // the entry commits or rolls back with the change: no change without its audit entry
                audit.record(c, actor, MODULE, ENTITY, String.valueOf(entry.id()), "create", new AuditChanges()
                        .value("unit", entry.unit()).value("person", entry.person()).value("phone", entry.phone()).text());
                return entry;
            }
        });
        return saved;
    }

    /**
     * Changes an entry the form loaded at {@code version}.
     *
     * @throws InvalidEntryException when the form breaks a rule
     * @throws ua.hromada.portal.api.jdbc.EditConflictException when someone changed or removed it meanwhile
     */
    public PhoneEntry update(PhoneEntry loaded, EntryForm form, String actor) {
        EntryForm f = valid(form);
        PhoneEntry saved = Transactions.tx(dataSource, MODULE, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET unit = ?, person = ?, phone = ?, "
                    + Versioned.BUMP + " WHERE id = ? AND " + Versioned.COLUMN + " = ?")) {
                ps.setString(1, f.unit());
                ps.setString(2, f.person());
                ps.setString(3, f.phone());
                ps.setLong(4, loaded.id());
                ps.setLong(5, loaded.version());
                Versioned.check(ps.executeUpdate(), ENTITY, loaded.id());
                AuditChanges changes = new AuditChanges()
                        .changed("unit", loaded.unit(), f.unit())
                        .changed("person", loaded.person(), f.person())
                        .changed("phone", loaded.phone(), f.phone());
                if (!changes.isEmpty()) {
                    audit.record(c, actor, MODULE, ENTITY, String.valueOf(loaded.id()), "update", changes.text());
                }
                return new PhoneEntry(loaded.id(), f.unit(), f.person(), f.phone(), loaded.version() + 1);
            }
        });
        return saved;
    }

    /** Removes the entry as it was loaded. @throws ua.hromada.portal.api.jdbc.EditConflictException when it changed meanwhile */
    public void delete(PhoneEntry loaded, String actor) {
        Transactions.tx(dataSource, MODULE, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM " + TABLE + " WHERE id = ? AND " + Versioned.COLUMN + " = ?")) {
                ps.setLong(1, loaded.id());
                ps.setLong(2, loaded.version());
                Versioned.check(ps.executeUpdate(), ENTITY, loaded.id());
                audit.record(c, actor, MODULE, ENTITY, String.valueOf(loaded.id()), "delete", new AuditChanges()
                        .value("unit", loaded.unit()).value("phone", loaded.phone()).text());
                return null;
            }
        });
    }

    private static EntryForm valid(EntryForm form) {
        Map<String, String> errors = EntryRules.check(form);
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        return EntryRules.normalise(form);
    }

    private static List<PhoneEntry> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<PhoneEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new PhoneEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5)));
                }
            }
            return entries;
        }
    }
}
