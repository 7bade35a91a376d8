package ua.hromada.opendata.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * References tried across communities. PostgreSQL checks a foreign key without row-level security,
 * so a key on the id alone lets one community's row point at another community's row; the
 * isolation check (portal-testing) finds such keys in the catalog, the open-data isolation tests
 * also write such a row and see it refused.
 */
public final class CommunityReferences {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private CommunityReferences() {
    }

    /**
     * Runs {@code sql} (one statement, {@code ids} as its bigint parameters) in a transaction that
     * is rolled back, and fails unless a foreign key refuses it: {@code sql} makes a row of the
     * bound community point at the other community's row.
     */
    public static void assertRefused(DataSource community, String what, String sql, long... ids) {
        try (Connection c = community.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < ids.length; i++) {
                    p.setLong(i + 1, ids[i]);
                }
                p.executeUpdate();
                throw new AssertionError(what + ": accepted, a row points into another community");
            } catch (SQLException e) {
                if (!FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                    throw new AssertionError(what + ": refused for another reason: " + e.getMessage(), e);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what, e);
        }
    }
}
