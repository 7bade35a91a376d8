package ua.hromada.oks.service;

import java.time.Clock;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.jdbc.ModuleDatabase;

/**
 * The module's schema {@code oks}, migrated once when the bundle starts; the other components
 * of the bundle reference this one, so they never run against an old schema.
 */
@Component(service = OksDatabase.class)
public class OksDatabase extends ModuleDatabase {
    static final String SCHEMA = "oks";

    private final Clock clock;

    @Activate
    public OksDatabase(@Reference(target = "(dataSourceName=hromada)") DataSource dataSource,
            @Reference SchemaMigrations migrations, BundleContext context) {
        super(dataSource, migrations, context.getBundle(), SCHEMA, "OKS");
        this.clock = Clock.systemDefaultZone();
    }

    /** For tests: a migrated database and a controllable clock. */
    OksDatabase(DataSource dataSource, Clock clock) {
        super(dataSource, "OKS");
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }
}
