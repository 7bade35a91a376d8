package ua.hromada.portal.persistence.testing;

import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.migration.FlywayMigrator;
import ua.hromada.portal.testing.TestDatabase;

/** A throw-away database with the core schema migrated, as PortalSchema does at start. */
public final class PortalTestDatabase {
    private PortalTestDatabase() {
    }

    public static TestDatabase createMigrated() {
        TestDatabase db = TestDatabase.create().persistenceUnit("hromada-portal");
        try {
            new FlywayMigrator(db.dataSource()).migrate(PortalSchemaReady.SCHEMA, new FolderMigrationSource(),
                    PortalSchemaReady.LOCATION);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
