package ua.hromada.opendata.service;

import java.time.ZoneId;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.community.Communities;
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
    private static final Logger LOG = LoggerFactory.getLogger(OpendataDatabase.class);

    @Activate
    public OpendataDatabase(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference SchemaMigrations migrations, @Reference Communities communities, @Reference PortalSettings portal,
            BundleContext context) {
        super(dataSource, migrations, context.getBundle(), SCHEMA, "open data");
        convertPassportDates(communities, portal::timeZone);
        // not fatal: the community's first open-data work tries again
        seedEveryCommunityNow((id, e) -> LOG.warn("Open data of community {}: passport dates not converted at start", id, e));
    }

    /** For tests: a migrated database whose pre-V9 dates each community converts in the zone given. */
    OpendataDatabase(DataSource dataSource, Communities communities, Supplier<ZoneId> zone) {
        super(dataSource, "open data");
        convertPassportDates(communities, zone);
    }

    /**
     * V9's second half, per community before its first work here: its pre-V9 passport dates (kept
     * aside by V11 when not converted yet) become midnight in its own time zone ({@code zone} is read
     * with the community bound: PortalSettings).
     */
    private void convertPassportDates(Communities communities, Supplier<ZoneId> zone) {
        seedEachCommunity(communities, c -> PassportTimes.convertDates(c, zone.get()),
                id -> LOG.info("Open data of community {}: passport dates now date and time (midnight, {})", id, zone.get()));
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
