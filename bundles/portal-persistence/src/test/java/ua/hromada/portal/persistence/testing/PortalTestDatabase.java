package ua.hromada.portal.persistence.testing;

import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.migration.FlywayMigrator;
import ua.hromada.portal.testing.TestDatabase;

/** A throw-away database with the core schema migrated, as PortalSchema does at start. */
public final class PortalTestDatabase {
    private PortalTestDatabase() {
    }

    /** Migrated once per test JVM, copied per test (see TestDatabase.prepared). */
    public static TestDatabase createMigrated() {
        return TestDatabase.prepared("portal", db -> new FlywayMigrator(db.dataSource()).migrate(PortalSchemaReady.SCHEMA,
                new FolderMigrationSource(), PortalSchemaReady.LOCATION)).persistenceUnit("hromada-portal");
    }
}
