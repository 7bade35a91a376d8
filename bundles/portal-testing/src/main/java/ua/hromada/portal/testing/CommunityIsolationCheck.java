package ua.hromada.portal.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.CommunityDataSource;
import ua.hromada.portal.api.jdbc.CommunityTables;

/**
 * The isolation check of regional hosting, generated from the catalog: for every table of a
 * schema (so a new table is covered without touching the test), rows one community wrote are
 * neither seen, changed, deleted nor forged by another community or by work with no community,
 * through the application role. A table without a community column, row-level security, its
 * forcing or the policy fails; so does a table the test wrote no row of the first community into
 * (the check would prove nothing there), and a foreign key whose columns leave out the community:
 * PostgreSQL checks foreign keys past row-level security, so a key by id alone lets one
 * community's row point at another's.
 */
public final class CommunityIsolationCheck {

    private static final String RLS_REFUSED = "42501";

    private CommunityIsolationCheck() {
    }

    /**
     * @param owner     the test database's own DataSource (the schemas' owner)
     * @param schema    the module's schema
     * @param community the community whose rows the test wrote into every table
     * @param other     another community
     * @throws AssertionError listing every breach found
     */
    public static void assertIsolated(DataSource owner, String schema, String community, String other) {
        List<String> problems = new ArrayList<>();
        try (Connection c = owner.getConnection()) {
            List<String> tables = CommunityTables.tables(c, schema);
            if (tables.isEmpty()) {
                problems.add("schema " + schema + " has no tables");
            }
            for (String table : tables) {
                String name = schema + "." + table;
                if (!hasColumn(c, schema, table)) {
                    problems.add(name + ": no community column");
                    continue;
                }
                if (!flag(c, schema, table, "relrowsecurity")) {
                    problems.add(name + ": row-level security not enabled");
                }
                if (!flag(c, schema, table, "relforcerowsecurity")) {
                    problems.add(name + ": row-level security not forced");
                }
                if (!hasPolicy(c, schema, table)) {
                    problems.add(name + ": no " + CommunityTables.POLICY + " policy");
                }
                for (String key : keysWithoutCommunity(c, schema, table)) {
                    problems.add(name + ": foreign key " + key + " does not carry the community on both sides");
                }
                if (count(c, name, community) == 0) {
                    problems.add(name + ": the test wrote no row of community " + community + " (nothing to check)");
                    continue;
                }
                check(owner, name, community, other, problems);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("isolation check of " + schema, e);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("community isolation of schema " + schema + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static void check(DataSource owner, String name, String community, String other, List<String> problems)
            throws SQLException {
        try (Connection own = new CommunityDataSource(owner, () -> community).getConnection()) {
            if (count(own, name, community) == 0) {
                problems.add(name + ": community " + community + " cannot read its own rows through "
                        + CommunityData.APP_ROLE);
            }
        }
        try (Connection c = new CommunityDataSource(owner, () -> other).getConnection()) {
            c.setAutoCommit(false);
            try {
                if (count(c, name, community) != 0) {
                    problems.add(name + ": community " + other + " reads rows of " + community);
                }
                if (execute(c, "update " + name + " set community = community where community = ?", community) != 0) {
                    problems.add(name + ": community " + other + " updates rows of " + community);
                }
                if (execute(c, "delete from " + name + " where community = ?", community) != 0) {
                    problems.add(name + ": community " + other + " deletes rows of " + community);
                }
                String forged = refused(c, "insert into " + name + " (community) values (?)", community);
                if (forged != null) {
                    problems.add(name + ": community " + other + " writes a row of " + community + " (" + forged + ")");
                }
                String moved = refused(c, "update " + name + " set community = ?", community);
                if (moved != null) {
                    problems.add(name + ": community " + other + " moves its rows to " + community + " (" + moved + ")");
                }
            } finally {
                c.rollback();
            }
        }
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local role " + CommunityData.APP_ROLE);
                try (ResultSet rs = s.executeQuery("select count(*) from " + name)) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        problems.add(name + ": work with no community reads rows");
                    }
                }
                String unbound = refused(c, "insert into " + name + " (community) values (?)", community);
                if (unbound != null) {
                    problems.add(name + ": work with no community writes a row (" + unbound + ")");
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** Null when the statement was refused by row-level security, else what happened instead. */
    private static String refused(Connection c, String sql, String value) throws SQLException {
        try (Statement savepoint = c.createStatement()) {
            savepoint.execute("savepoint isolation_check");
        }
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, value);
            int rows = p.executeUpdate();
            return rows == 0 ? null : rows + " row(s) accepted";
        } catch (SQLException e) {
            return RLS_REFUSED.equals(e.getSQLState()) ? null : "refused for another reason: " + e.getMessage();
        } finally {
            try (Statement rollback = c.createStatement()) {
                rollback.execute("rollback to savepoint isolation_check");
            }
        }
    }

    private static long count(Connection c, String name, String community) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select count(*) from " + name + " where community = ?")) {
            p.setString(1, community);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int execute(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, value);
            return p.executeUpdate();
        }
    }

    private static boolean hasColumn(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select 1 from information_schema.columns"
                + " where table_schema = ? and table_name = ? and column_name = 'community'")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean flag(Connection c, String schema, String table, String column) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select c." + column + " from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ?")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Foreign keys of the table whose own or referenced columns leave out the community column. */
    private static List<String> keysWithoutCommunity(Connection c, String schema, String table) throws SQLException {
        String columns = "select a.attname from unnest(%s) k join pg_attribute a on a.attrelid = %s and a.attnum = k";
        try (PreparedStatement p = c.prepareStatement("select con.conname, array_to_string(array("
                + String.format(columns, "con.conkey", "con.conrelid") + "), ', ')"
                + " from pg_constraint con join pg_class rel on rel.oid = con.conrelid"
                + " join pg_namespace n on n.oid = rel.relnamespace"
                + " where con.contype = 'f' and n.nspname = ? and rel.relname = ?"
                + " and (not exists (" + String.format(columns, "con.conkey", "con.conrelid") + " and a.attname = ?)"
                + " or not exists (" + String.format(columns, "con.confkey", "con.confrelid") + " and a.attname = ?))"
                + " order by con.conname")) {
            p.setString(1, schema);
            p.setString(2, table);
            p.setString(3, CommunityData.COLUMN);
            p.setString(4, CommunityData.COLUMN);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1) + " (" + rs.getString(2) + ")");
                }
            }
            return keys;
        }
    }

    private static boolean hasPolicy(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "select 1 from pg_policies where schemaname = ? and tablename = ? and policyname = ?")) {
            p.setString(1, schema);
            p.setString(2, table);
            p.setString(3, CommunityTables.POLICY);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }
}
