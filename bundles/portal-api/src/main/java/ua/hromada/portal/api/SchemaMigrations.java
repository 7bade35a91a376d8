package ua.hromada.portal.api;

import org.osgi.framework.Bundle;

/**
 * Offered by the core: runs a module's versioned SQL migrations (Flyway) in the module's own
 * PostgreSQL schema. A module calls it from its service component's activate method.
 */
@org.osgi.annotation.versioning.ProviderType
public interface SchemaMigrations {

    /**
     * Migrates {@code schema} with the scripts {@code V<n>__<name>.sql} found in the bundle under
     * {@code location} (e.g. {@code db/migration/oks}).
     *
     * @return the schema version after migration
     */
    String migrate(Bundle bundle, String schema, String location);
}
