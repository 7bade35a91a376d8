package ua.hromada.portal.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.testing.FolderMigrationSource;
import ua.hromada.portal.testing.TestDatabase;

class FlywayMigratorTest {
    private TestDatabase db;
    private FlywayMigrator migrator;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        migrator = new FlywayMigrator(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void freshDatabaseGetsCoreSchemaAndSeedRoles() throws SQLException {
        String version = migrator.migrate("portal", new FolderMigrationSource(), PortalSchemaReady.LOCATION);

        assertEquals("6", version);
        assertEquals(List.of("admin", "employee", "regional-admin"), strings("select name from portal.roles order by name"));
        assertEquals(List.of("portal.admin"), strings("select permission from portal.role_permissions where role = 'admin'"));
        // V3: the employee role reads the acts register (the admin guide's console example gives it)
        assertEquals(List.of("docsearch.view"), strings("select permission from portal.role_permissions where role = 'employee'"));
        // V4: memberships of communities took the place of the one role set (user_roles)
        assertEquals(List.of("regional-admin"), strings("select role from portal.role_permissions"
                + " where permission = 'portal.communities.manage'"));
        // V5: the change log, where each node read it to, and the run-once jobs' last starts (docs/cluster.md)
        // V6: what the administrator wants of each module and the uploaded module files (ModuleStates)
        assertEquals(List.of("audit_log", "change_log", "change_readers", "flyway_schema_history", "job_runs",
                "known_devices", "membership_roles", "memberships", "module_file", "module_state", "role_permissions",
                "roles", "security_state", "users"),
                strings("select table_name from information_schema.tables where table_schema = 'portal' order by 1"));
        assertEquals(List.of("audit_log_actor_idx", "audit_log_at_idx", "audit_log_community_at_idx",
                "audit_log_module_idx"),
                strings("select indexname from pg_indexes where tablename = 'audit_log' and indexname like '%idx' order by 1"));
    }

    @Test
    void secondRunIsANoOp() throws SQLException {
        migrator.migrate("portal", new FolderMigrationSource(), PortalSchemaReady.LOCATION);
        List<String> history = strings("select installed_rank || ':' || coalesce(version, '-') from portal.flyway_schema_history order by 1");

        String again = migrator.migrate("portal", new FolderMigrationSource(), PortalSchemaReady.LOCATION);

        assertEquals("6", again);
        assertEquals(history, strings("select installed_rank || ':' || coalesce(version, '-') from portal.flyway_schema_history order by 1"));
        assertEquals(List.of("3"), strings("select count(*)::text from portal.roles"));
    }

    @Test
    void moduleMigrationsGoToTheirOwnSchemaWithTheirOwnHistory() throws SQLException {
        migrator.migrate("portal", new FolderMigrationSource(), PortalSchemaReady.LOCATION);

        String version = migrator.migrate("testmod", new FolderMigrationSource(), "db/migration/testmod");

        assertEquals("2", version);
        assertEquals(List.of("first", "second"), strings("select title from testmod.items order by id"));
        assertEquals(List.of("1", "2"), strings("select version from testmod.flyway_schema_history where success and version is not null and version <> '0' order by installed_rank"));
        // the core history did not get the module's scripts
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), strings("select version from portal.flyway_schema_history where version is not null and version <> '0' order by installed_rank"));
    }

    @Test
    void scriptsAreOnlyTakenFromTheSource() {
        MigrationSource one = location -> List.of(new MigrationSource.Script("V1__t.sql", "x/V1__t.sql",
                () -> new java.io.ByteArrayInputStream("CREATE TABLE t (id int);".getBytes())));
        assertEquals("1", migrator.migrate("onlyone", one, "ignored"));
        assertEquals("0", migrator.migrate("empty_schema", location -> List.of(), "nothing/here"));
    }

    @Test
    void refusesSchemaNamesThatAreNotPlainIdentifiers() {
        assertThrows(IllegalArgumentException.class,
                () -> migrator.migrate("bad\"; drop", new FolderMigrationSource(), "db/migration/testmod"));
        assertThrows(IllegalArgumentException.class,
                () -> migrator.migrate("Upper", new FolderMigrationSource(), "db/migration/testmod"));
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
