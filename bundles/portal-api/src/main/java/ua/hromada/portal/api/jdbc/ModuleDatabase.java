package ua.hromada.portal.api.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;

import ua.hromada.portal.api.SchemaMigrations;

/**
 * A module's own schema on the portal's DataSource, the base of the module's database component:
 * migrated once when the component is made, so the components that reference it never run against
 * an old schema; then plain JDBC work through {@link Transactions}, failures naming the module.
 */
public abstract class ModuleDatabase {

    private final DataSource dataSource;
    private final String module;

    /**
     * Migrates {@code schema} with the bundle's scripts under {@code db/migration/<schema>}.
     *
     * @param module the module's name in error messages ("OKS database error")
     */
    protected ModuleDatabase(DataSource dataSource, SchemaMigrations migrations, Bundle bundle, String schema,
            String module) {
        migrations.migrate(bundle, schema, "db/migration/" + schema);
        this.dataSource = dataSource;
        this.module = module;
    }

    /** For tests: an already migrated database. */
    protected ModuleDatabase(DataSource dataSource, String module) {
        this.dataSource = dataSource;
        this.module = module;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** One transaction: the work's result, committed; rolled back on any failure. */
    public <T> T tx(Transactions.Work<T> work) {
        return Transactions.tx(dataSource, module, work);
    }

    /** Read-only work on one connection. */
    public <T> T read(Transactions.Work<T> work) {
        return Transactions.read(dataSource, module, work);
    }
}
