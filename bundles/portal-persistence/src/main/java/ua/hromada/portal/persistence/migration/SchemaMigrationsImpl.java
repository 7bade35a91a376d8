package ua.hromada.portal.persistence.migration;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.jdbc.CommunityTables;

/**
 * {@link SchemaMigrations} over the portal DataSource, reading scripts from the caller's bundle.
 * A module's schema is then isolated by community (row-level security on every table,
 * docs/regional-hosting.md); the core's own schema, migrated through here by this bundle, is not:
 * its users and roles span communities and are filtered by the core itself.
 */
@Component(service = SchemaMigrations.class)
public class SchemaMigrationsImpl implements SchemaMigrations {
    private final DataSource dataSource;
    private final FlywayMigrator migrator;
    private final long ownBundle;

    @Activate
    public SchemaMigrationsImpl(@Reference(target = "(dataSourceName=hromada)") DataSource dataSource,
            BundleContext context) {
        this.dataSource = dataSource;
        this.migrator = new FlywayMigrator(dataSource);
        this.ownBundle = context.getBundle().getBundleId();
    }

    @Override
    public String migrate(Bundle bundle, String schema, String location) {
        String version = migrator.migrate(schema, new BundleMigrationSource(bundle), location);
        if (bundle.getBundleId() != ownBundle) {
            isolate(dataSource, schema);
        }
        return version;
    }

    /** Row-level security by community on every table of a module's schema, as the owner. */
    static void isolate(DataSource owner, String schema) {
        try (Connection c = owner.getConnection()) {
            CommunityTables.isolate(c, schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Schema " + schema + " migrated but not isolated by community", e);
        }
    }
}
