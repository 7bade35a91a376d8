package ua.hromada.gis.service;

import java.time.Clock;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.ModuleDatabase;

/**
 * The module's schema {@code gis} (PostGIS), migrated once when the bundle starts; the services
 * reference this component, so they never run against an old schema. Its connections are the
 * community DataSource's: each unit of work sees and writes only the current community's rows.
 * Every community gets the shipped layer definitions: those known at start then, a community added
 * later at its first GIS work.
 */
@Component(service = GisDatabase.class)
public class GisDatabase extends ModuleDatabase {
    static final String SCHEMA = "gis";
    private static final Logger LOG = LoggerFactory.getLogger(GisDatabase.class);

    private final Clock clock;

    @Activate
    public GisDatabase(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference SchemaMigrations migrations, @Reference Communities communities, BundleContext context) {
        super(dataSource, migrations, context.getBundle(), SCHEMA, "GIS");
        this.clock = Clock.systemUTC();
        seedShippedLayers(communities);
        seedEveryCommunity();
    }

    /** For tests: a migrated (and isolated) database, its communities and a controllable clock. */
    GisDatabase(DataSource dataSource, Communities communities, Clock clock) {
        super(dataSource, "GIS");
        this.clock = clock;
        seedShippedLayers(communities);
    }

    Clock clock() {
        return clock;
    }

    /** Each community's shipped layer definitions if it has no layer, before its first GIS work. */
    private void seedShippedLayers(Communities communities) {
        seedEachCommunity(communities, c -> ShippedLayers.seedIfNew(c, clock.instant()),
                id -> LOG.info("GIS layers of community {}: the shipped definitions (heritage, signage)", id));
    }

    /** At start: every community known now gets the shipped layer definitions if it has no layer. */
    void seedEveryCommunity() {
        // not fatal: the community's first GIS work tries again
        seedEveryCommunityNow((id, e) -> LOG.warn("GIS layers of community {} not seeded at start", id, e));
    }
}
