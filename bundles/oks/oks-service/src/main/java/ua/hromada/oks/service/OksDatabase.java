package ua.hromada.oks.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.jdbc.Transactions;

/**
 * The module's schema {@code oks}, migrated once when the bundle starts; the other components
 * of the bundle reference this one, so they never run against an old schema.
 */
@Component(service = OksDatabase.class)
public class OksDatabase {
    static final String SCHEMA = "oks";

    private final DataSource dataSource;
    private final Clock clock;

    @Activate
    public OksDatabase(@Reference(target = "(dataSourceName=hromada)") DataSource dataSource,
            @Reference SchemaMigrations migrations, BundleContext context) {
        migrations.migrate(context.getBundle(), SCHEMA, "db/migration/oks");
        this.dataSource = dataSource;
        this.clock = Clock.systemDefaultZone();
    }

    /** For tests: a migrated database and a controllable clock. */
    OksDatabase(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    Clock clock() {
        return clock;
    }

    /** One transaction: the work's result, committed; rolled back on any failure. */
    <T> T tx(Transactions.Work<T> work) {
        return Transactions.tx(dataSource, "OKS", work);
    }

    /** Read-only work on one connection. */
    <T> T read(Transactions.Work<T> work) {
        return Transactions.read(dataSource, "OKS", work);
    }
}
