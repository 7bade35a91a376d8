package ua.hromada.portal.api.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Row-level security for a module's schema, applied after its migrations (by the portal's
 * SchemaMigrations, and by module tests after their own Flyway run): every table of the schema
 * must carry a {@code community} column (its migration adds it, with the unique keys it needs);
 * each gets row-level security, forced, and the one policy that shows and accepts only the rows of
 * the connection's community; the non-owner {@link CommunityData#APP_ROLE} gets the rights to use
 * them. A table without the column stops the migration: no module table is shared by communities.
 */
public final class CommunityTables {

    /** The policy every module table carries. */
    public static final String POLICY = "community_isolation";

    /** The tables of a schema only its owner uses (Flyway's history). */
    private static final String HISTORY = "flyway_schema_history";

    private static final String CURRENT = "nullif(current_setting('" + CommunityData.SETTING + "', true), '')";

    private CommunityTables() {
    }

    /**
     * Secures every table of the schema.
     *
     * @throws IllegalStateException naming the tables without a {@code community} column
     */
    public static void isolate(Connection c, String schema) throws SQLException {
        List<String> tables = tables(c, schema);
        List<String> without = new ArrayList<>();
        for (String table : tables) {
            if (!hasCommunity(c, schema, table)) {
                without.add(schema + "." + table);
            }
        }
        if (!without.isEmpty()) {
            throw new IllegalStateException("tables without a community column: " + without
                    + " (every module table carries its community; see docs/regional-hosting.md)");
        }
        try (Statement s = c.createStatement()) {
            s.execute(createRole());
            String quotedSchema = quote(schema);
            s.execute("grant usage on schema " + quotedSchema + " to " + CommunityData.APP_ROLE);
            for (String table : tables) {
                String name = quotedSchema + "." + quote(table);
                s.execute("alter table " + name + " alter column " + CommunityData.COLUMN
                        + " set default current_setting('" + CommunityData.SETTING + "')");
                s.execute("alter table " + name + " enable row level security");
                s.execute("alter table " + name + " force row level security");
                if (!hasPolicy(c, schema, table)) {
                    s.execute("create policy " + POLICY + " on " + name + " using (" + CommunityData.COLUMN
                            + " = " + CURRENT + ") with check (" + CommunityData.COLUMN + " = " + CURRENT + ")");
                }
                s.execute("grant select, insert, update, delete on " + name + " to " + CommunityData.APP_ROLE);
            }
            s.execute("grant usage, select, update on all sequences in schema " + quotedSchema + " to "
                    + CommunityData.APP_ROLE);
        }
    }

    /** The application role, made once per PostgreSQL cluster (it is cluster-wide). */
    static String createRole() {
        return "do $$ begin"
                + " if not exists (select 1 from pg_roles where rolname = '" + CommunityData.APP_ROLE + "') then"
                + " create role " + CommunityData.APP_ROLE + " nologin;"
                + " end if;"
                + " exception when duplicate_object or unique_violation then null;"
                + " end $$";
    }

    /** The schema's tables the application uses, Flyway's history left out. */
    public static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select c.relname from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relkind in ('r', 'p') and c.relname <> ? order by c.relname")) {
            p.setString(1, schema);
            p.setString(2, HISTORY);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static boolean hasCommunity(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select 1 from information_schema.columns"
                + " where table_schema = ? and table_name = ? and column_name = ?")) {
            p.setString(1, schema);
            p.setString(2, table);
            p.setString(3, CommunityData.COLUMN);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasPolicy(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "select 1 from pg_policies where schemaname = ? and tablename = ? and policyname = ?")) {
            p.setString(1, schema);
            p.setString(2, table);
            p.setString(3, POLICY);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
