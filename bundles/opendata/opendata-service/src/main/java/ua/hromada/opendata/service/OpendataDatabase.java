package ua.hromada.opendata.service;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.jdbc.Transactions;

/**
 * The module's schema {@code opendata}, migrated once when the bundle starts; the other components
 * of the bundle reference this one, so they never run against an old schema.
 */
@Component(service = OpendataDatabase.class)
public class OpendataDatabase {
    static final String SCHEMA = "opendata";

    private final DataSource dataSource;

    @Activate
    public OpendataDatabase(@Reference(target = "(dataSourceName=hromada)") DataSource dataSource,
            @Reference SchemaMigrations migrations, BundleContext context) {
        migrations.migrate(context.getBundle(), SCHEMA, "db/migration/opendata");
        this.dataSource = dataSource;
    }

    /** For tests: an already migrated database. */
    OpendataDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** One transaction: the work's result, committed; rolled back on any failure. */
    <T> T tx(Transactions.Work<T> work) {
        return Transactions.tx(dataSource, "open data", work);
    }

    /** Read-only work on one connection. */
    <T> T read(Transactions.Work<T> work) {
        return Transactions.read(dataSource, "open data", work);
    }
}
