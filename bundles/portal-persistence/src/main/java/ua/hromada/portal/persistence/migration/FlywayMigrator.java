package ua.hromada.portal.persistence.migration;

import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs Flyway for one schema; plain Java so it is testable without OSGi. */
public final class FlywayMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(FlywayMigrator.class);
    /** Schema names go into SQL unquoted by Flyway's placeholders: keep them plain identifiers. */
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;

    public FlywayMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the schema version after migration, or "0" when there are no scripts */
    public String migrate(String schema, MigrationSource source, String location) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("Invalid schema name: " + schema);
        }
        SourceResourceProvider resources = new SourceResourceProvider(source, location);
        if (resources.size() == 0) {
            LOG.warn("No migration scripts in {} for schema {}", location, schema);
        }
        // Flyway finds its database plugins through ServiceLoader on the context class loader;
        // in OSGi that must be this bundle's loader, which embeds Flyway.
        ClassLoader own = FlywayMigrator.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(own);
        try {
            Flyway flyway = Flyway.configure(own)
                    .dataSource(dataSource)
                    .schemas(schema)
                    .createSchemas(true)
                    .resourceProvider(resources)
                    .javaMigrationClassProvider(List::<Class<? extends JavaMigration>>of)
                    .failOnMissingLocations(false)
                    .load();
            MigrateResult result = flyway.migrate();
            MigrationVersion current = flyway.info().current() == null
                    ? MigrationVersion.EMPTY : flyway.info().current().getVersion();
            String version = current == null || current == MigrationVersion.EMPTY ? "0" : current.getVersion();
            if (result.migrationsExecuted > 0) {
                LOG.info("Schema {} migrated from {} to version {} ({} migrations)", schema,
                        result.initialSchemaVersion, version, result.migrationsExecuted);
            } else {
                LOG.info("Schema {} is up to date at version {}", schema, version);
            }
            return version;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
