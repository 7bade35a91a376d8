package ua.hromada.opendata.audit;

import java.time.Clock;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.ModuleDatabase;

/**
 * The audit's schema {@code opendata_audit}, migrated once when the bundle starts; the other
 * components of the bundle reference this one, so they never run against an old schema. Its connections
 * are the community DataSource's: row-level security keeps each community to its own rows (regional hosting).
 */
@Component(service = AuditDatabase.class)
public class AuditDatabase extends ModuleDatabase {
    static final String SCHEMA = "opendata_audit";

    private final Clock clock;

    @Activate
    public AuditDatabase(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference SchemaMigrations migrations, BundleContext context) {
        super(dataSource, migrations, context.getBundle(), SCHEMA, "open data audit");
        this.clock = Clock.systemUTC();
    }

    /** For tests: a migrated database and a controllable clock. */
    public AuditDatabase(DataSource dataSource, Clock clock) {
        super(dataSource, "open data audit");
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }
}
