package ua.hromada.portal.persistence;

/**
 * Marker service: registered once the core schema {@value #SCHEMA} is migrated. The JPA-based
 * services reference it so they never start against a missing or old schema.
 */
public interface PortalSchemaReady {
    String SCHEMA = "portal";
    String LOCATION = "db/migration/portal";

    /** The schema version after migration. */
    String version();
}
