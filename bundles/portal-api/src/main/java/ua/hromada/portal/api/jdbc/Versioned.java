package ua.hromada.portal.api.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Optimistic locking, the one way every store guards an edit against a concurrent one (two
 * employees with the same record open: the later save must not silently overwrite the earlier).
 *
 * <p>How a store uses it:
 * <ol>
 * <li>the table has {@code version bigint NOT NULL DEFAULT 0} (a migration of the module);</li>
 * <li>the record read for a form carries that version; the form sends it back with the save;</li>
 * <li>the update is {@code UPDATE t SET ..., } {@link #BUMP} {@code WHERE id = ? AND version = ?};</li>
 * <li>{@link #check(int, String, Object)} turns "no row updated" into an
 *     {@link EditConflictException}, which rolls the transaction back (nothing half-saved).</li>
 * </ol>
 * Changes made by the system rather than a form (a status carried over from links, a counter)
 * also bump the version, so a form opened before them is refused too.
 */
public final class Versioned {

    /** The column name, the same in every table. */
    public static final String COLUMN = "version";

    /** The SET fragment that moves the version on: every UPDATE of a versioned row includes it. */
    public static final String BUMP = "version = version + 1";

    private Versioned() {
    }

    /**
     * After {@code UPDATE ... WHERE id = ? AND version = ?}: one row is the only good answer.
     *
     * @throws EditConflictException when no row matched (changed or removed since it was read)
     */
    public static void check(int updatedRows, String entity, Object id) {
        if (updatedRows != 1) {
            throw new EditConflictException(entity, id);
        }
    }

    /**
     * Locks the row and checks its version before a change made of several statements (e.g. a
     * row and its child rows): call first in the transaction, then update with {@link #BUMP}.
     *
     * @return false when there is no such row (the caller's "not found")
     * @throws EditConflictException when the row's version is not {@code expected}
     */
    public static boolean lock(Connection c, String table, long id, long expected) throws SQLException {
        // table names come from the store's own constants, never from input
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMN + " FROM " + table + " WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                if (rs.getLong(1) != expected) {
                    throw new EditConflictException(table, id);
                }
                return true;
            }
        }
    }
}
