package ua.hromada.crm.service;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.ModuleDatabase;

/**
 * The module's schema {@code crm}, migrated once when the bundle starts; the services reference
 * this component, so they never run against an old schema. Its connections are the community
 * DataSource's: each unit of work sees and writes only the current community's rows.
 */
@Component(service = CrmDatabase.class)
public class CrmDatabase extends ModuleDatabase {
    static final String SCHEMA = "crm";

    @Activate
    public CrmDatabase(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference SchemaMigrations migrations, BundleContext context) {
        super(dataSource, migrations, context.getBundle(), SCHEMA, "ЦНАП CRM");
    }

    /** For tests: a migrated (and isolated) database. */
    CrmDatabase(DataSource dataSource) {
        super(dataSource, "ЦНАП CRM");
    }
}
