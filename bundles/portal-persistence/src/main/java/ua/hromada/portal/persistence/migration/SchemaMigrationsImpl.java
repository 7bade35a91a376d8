package ua.hromada.portal.persistence.migration;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;

/** {@link SchemaMigrations} over the portal DataSource, reading scripts from the caller's bundle. */
@Component(service = SchemaMigrations.class)
public class SchemaMigrationsImpl implements SchemaMigrations {
    private final FlywayMigrator migrator;

    @Activate
    public SchemaMigrationsImpl(@Reference(target = "(dataSourceName=hromada)") DataSource dataSource) {
        this.migrator = new FlywayMigrator(dataSource);
    }

    @Override
    public String migrate(Bundle bundle, String schema, String location) {
        return migrator.migrate(schema, new BundleMigrationSource(bundle), location);
    }
}
