package ua.hromada.portal.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.testing.FolderMigrationSource;
import ua.hromada.portal.testing.TestDatabase;

/**
 * V4 on an installation of before: every account's one role set becomes its roles in the default
 * community, the first administrator becomes the regional one, old audit entries are the default
 * community's.
 */
class MembershipMigrationTest {
    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        // the schema as V3 left it
        MigrationSource beforeV4 = location -> new FolderMigrationSource().scripts(location).stream()
                .filter(s -> s.fileName().compareTo("V4__") < 0).toList();
        assertEquals("3", new FlywayMigrator(db.dataSource()).migrate(PortalSchemaReady.SCHEMA, beforeV4,
                PortalSchemaReady.LOCATION));
        db.execute("INSERT INTO portal.roles (name) VALUES ('inspectors');"
                + " INSERT INTO portal.role_permissions (role, permission) VALUES ('inspectors', 'oks.view');"
                + " INSERT INTO portal.users (username, display_name, password_hash, enabled) VALUES"
                + " ('retired', 'R', 'x', false), ('boss', 'B', 'x', true), ('deputy', 'D', 'x', true),"
                + " ('clerk', 'C', 'x', true), ('nobody', 'N', 'x', true);"
                + " INSERT INTO portal.user_roles (user_id, role) SELECT id, 'admin' FROM portal.users"
                + "   WHERE username IN ('retired', 'boss', 'deputy');"
                + " INSERT INTO portal.user_roles (user_id, role) SELECT id, r FROM portal.users,"
                + "   unnest(ARRAY['employee', 'inspectors']) r WHERE username = 'clerk';"
                + " INSERT INTO portal.audit_log (actor, module, entity_type, action) VALUES ('boss', 'oks', 'case', 'create')");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private String migrate() {
        return new FlywayMigrator(db.dataSource()).migrate(PortalSchemaReady.SCHEMA, new FolderMigrationSource(),
                PortalSchemaReady.LOCATION);
    }

    private List<String> memberships() throws SQLException {
        return strings("SELECT u.username || '@' || m.community || ':' || coalesce(string_agg(mr.role, ','"
                + " ORDER BY mr.role), '') FROM portal.users u JOIN portal.memberships m ON m.user_id = u.id"
                + " LEFT JOIN portal.membership_roles mr ON mr.membership_id = m.id"
                + " GROUP BY u.username, m.community ORDER BY 1");
    }

    @Test
    void everyAccountKeepsItsRolesInTheDefaultCommunityAndTheFirstAdministratorBecomesRegional() throws SQLException {
        db.execute("INSERT INTO portal.security_state (name, value) VALUES ('admin.bootstrapped', 'created deputy')");
        assertEquals("6", migrate());
        assertEquals(List.of("boss@default:admin", "clerk@default:employee,inspectors",
                "deputy@default:admin,regional-admin", "nobody@default:", "retired@default:admin"), memberships());
        assertEquals(List.of("0"), strings("SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'portal' AND table_name = 'user_roles'"));
        assertEquals(List.of("default"), strings("SELECT community FROM portal.audit_log"));
    }

    @Test
    void withoutARecordedFirstAdministratorTheOldestEnabledAdministratorBecomesRegional() throws SQLException {
        assertEquals("6", migrate());
        assertEquals(List.of("boss@default:admin,regional-admin", "clerk@default:employee,inspectors",
                "deputy@default:admin", "nobody@default:", "retired@default:admin"), memberships());
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }
}
