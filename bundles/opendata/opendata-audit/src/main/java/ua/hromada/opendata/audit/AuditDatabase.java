package ua.hromada.opendata.audit;

import java.time.Clock;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.jdbc.Transactions;

/**
 * The audit's schema {@code opendata_audit}, migrated once when the bundle starts; the other
 * components of the bundle reference this one, so they never run against an old schema.
 */
@Component(service = AuditDatabase.class)
public class AuditDatabase {
    static final String SCHEMA = "opendata_audit";

    private final DataSource dataSource;
    private final Clock clock;

    @Activate
    public AuditDatabase(@Reference(target = "(dataSourceName=hromada)") DataSource dataSource,
            @Reference SchemaMigrations migrations, BundleContext context) {
        migrations.migrate(context.getBundle(), SCHEMA, "db/migration/opendata_audit");
        this.dataSource = dataSource;
        this.clock = Clock.systemUTC();
    }

    /** For tests: a migrated database and a controllable clock. */
    public AuditDatabase(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** One transaction: the work's result, committed; rolled back on any failure. */
    <T> T tx(Transactions.Work<T> work) {
        return Transactions.tx(dataSource, "open data audit", work);
    }

    /** Read-only work on one connection. */
    <T> T read(Transactions.Work<T> work) {
        return Transactions.read(dataSource, "open data audit", work);
    }
}
