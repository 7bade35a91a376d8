package ua.hromada.eservices.service;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.ModuleDatabase;

/**
 * The module's schema {@code eservices}, migrated once when the bundle starts; the services
 * reference this component, so they never run against an old schema. Its connections are the
 * community DataSource's: each unit of work sees and writes only the current community's rows.
 */
@Component(service = EservicesDatabase.class)
public class EservicesDatabase extends ModuleDatabase {
    static final String SCHEMA = "eservices";
    static final String MODULE = "eservices";

    @Activate
    public EservicesDatabase(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference SchemaMigrations migrations, BundleContext context) {
        super(dataSource, migrations, context.getBundle(), SCHEMA, "E-services");
    }

    /** For tests: a migrated (and isolated) database. */
    EservicesDatabase(DataSource dataSource) {
        super(dataSource, "E-services");
    }
}
