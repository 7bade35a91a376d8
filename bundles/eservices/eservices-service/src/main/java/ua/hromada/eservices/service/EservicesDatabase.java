package ua.hromada.eservices.service;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.eservices.service.appeals.ShippedTopics;
import ua.hromada.eservices.service.catalogue.ShippedCatalogue;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.ModuleDatabase;

/**
 * The module's schema {@code eservices}, migrated once when the bundle starts; the services
 * reference this component, so they never run against an old schema. Its connections are the
 * community DataSource's: each unit of work sees and writes only the current community's rows.
 * Every community gets the shipped appeal topics and their units: those known at start then, a
 * community added later at its first e-services work.
 */
@Component(service = EservicesDatabase.class)
public class EservicesDatabase extends ModuleDatabase {
    static final String SCHEMA = "eservices";
    static final String MODULE = "eservices";
    private static final Logger LOG = LoggerFactory.getLogger(EservicesDatabase.class);

    @Activate
    public EservicesDatabase(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference SchemaMigrations migrations, @Reference Communities communities, BundleContext context) {
        super(dataSource, migrations, context.getBundle(), SCHEMA, "E-services");
        seedShipped(communities);
        // not fatal: the community's first e-services work tries again
        seedEveryCommunityNow((id, e) -> LOG.warn("E-services topics of community {} not seeded at start", id, e));
    }

    /** For tests: a migrated (and isolated) database that seeds each community's shipped data. */
    EservicesDatabase(DataSource dataSource, Communities communities) {
        super(dataSource, "E-services");
        seedShipped(communities);
    }

    private void seedShipped(Communities communities) {
        // both parts' shipped data, each written only where the community has none of it ("|": both run)
        seedEachCommunity(communities, c -> ShippedTopics.seedIfNew(c) | ShippedCatalogue.seedIfNew(c),
                id -> LOG.info("E-services of community {}: the shipped appeal topics, units and service catalogue", id));
    }

    /** For tests: a migrated (and isolated) database. */
    EservicesDatabase(DataSource dataSource) {
        super(dataSource, "E-services");
    }
}
