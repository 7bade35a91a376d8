package ua.hromada.opendata.service;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.ModuleDatabase;

/**
 * The module's schema {@code opendata}, migrated once when the bundle starts; the other components
 * of the bundle reference this one, so they never run against an old schema. Its connections are the
 * community DataSource's: row-level security keeps each community to its own rows (regional hosting).
 */
@Component(service = OpendataDatabase.class)
public class OpendataDatabase extends ModuleDatabase {
    static final String SCHEMA = "opendata";

    @Activate
    public OpendataDatabase(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference SchemaMigrations migrations, BundleContext context) {
        super(dataSource, migrations, context.getBundle(), SCHEMA, "open data");
    }

    /** For tests: an already migrated database. */
    OpendataDatabase(DataSource dataSource) {
        super(dataSource, "open data");
    }

    /** The community of the running work, as its connections carry it (previews are kept per community). */
    String community() {
        return read(c -> {
            try (var ps = c.prepareStatement("SELECT current_setting('" + CommunityData.SETTING + "')");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
