package ua.hromada.oks.service;

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
 * The module's schema {@code oks}, migrated once when the bundle starts; the other components
 * of the bundle reference this one, so they never run against an old schema. Its connections are
 * the community DataSource's: each unit of work sees and writes only the current community's rows.
 * Every community has its own catalogue: those known at start get the shipped one then, a
 * community added later at its first OKS work.
 */
@Component(service = OksDatabase.class)
public class OksDatabase extends ModuleDatabase {
    static final String SCHEMA = "oks";
    private static final Logger LOG = LoggerFactory.getLogger(OksDatabase.class);

    private final Clock clock;
    private final Communities communities;

    @Activate
    public OksDatabase(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference SchemaMigrations migrations, @Reference Communities communities, BundleContext context) {
        super(dataSource, migrations, context.getBundle(), SCHEMA, "OKS");
        this.clock = Clock.systemDefaultZone();
        this.communities = communities;
        seedCatalogues();
        catalogueOfEveryCommunity();
    }

    /** For tests: a migrated (and isolated) database, its communities and a controllable clock. */
    OksDatabase(DataSource dataSource, Communities communities, Clock clock) {
        super(dataSource, "OKS");
        this.clock = clock;
        this.communities = communities;
        seedCatalogues();
    }

    Clock clock() {
        return clock;
    }

    Communities communities() {
        return communities;
    }

    /** Each community's catalogue: the shipped one if it has none, before its first OKS work. */
    private void seedCatalogues() {
        seedEachCommunity(communities, ShippedCatalogue::seedIfNew,
                id -> LOG.info("OKS catalogue of community {}: the shipped workflow actions and violation types", id));
    }

    /** At start: every community known now gets the shipped catalogue if it has none. */
    void catalogueOfEveryCommunity() {
        // not fatal: the community's first OKS work tries again
        seedEveryCommunityNow((id, e) -> LOG.warn("OKS catalogue of community {} not seeded at start", id, e));
    }
}
