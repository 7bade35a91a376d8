package ua.hromada.portal.persistence;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;

/** Migrates the core schema on start; its service tells the others the tables are there. */
@Component(immediate = true, service = PortalSchemaReady.class,
        property = "schema=" + PortalSchemaReady.SCHEMA)
public class PortalSchema implements PortalSchemaReady {
    private final String version;

    @Activate
    public PortalSchema(@Reference SchemaMigrations migrations, BundleContext context) {
        this.version = migrations.migrate(context.getBundle(), SCHEMA, LOCATION);
    }

    @Override
    public String version() {
        return version;
    }
}
