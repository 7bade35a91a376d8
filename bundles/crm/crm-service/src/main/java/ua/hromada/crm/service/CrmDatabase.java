package ua.hromada.crm.service;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.crm.service.cards.ShippedCards;
import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.ModuleDatabase;

/**
 * The module's schema {@code crm}, migrated once when the bundle starts; the services reference
 * this component, so they never run against an old schema. Its connections are the community
 * DataSource's: each unit of work sees and writes only the current community's rows.
 */
@Component(service = CrmDatabase.class)
public class CrmDatabase extends ModuleDatabase {
    static final String SCHEMA = "crm";
    private static final Logger LOG = LoggerFactory.getLogger(CrmDatabase.class);

    @Activate
    public CrmDatabase(@Reference(target = CommunityData.TARGET) DataSource dataSource,
            @Reference SchemaMigrations migrations, @Reference Communities communities, BundleContext context) {
        super(dataSource, migrations, context.getBundle(), SCHEMA, "ЦНАП CRM");
        seedShipped(communities);
        // not fatal: the community's first CRM work tries again
        seedEveryCommunityNow((id, e) -> LOG.warn("ЦНАП cards of community {} not seeded at start", id, e));
    }

    /** For tests: a migrated (and isolated) database that seeds each community's shipped cards. */
    CrmDatabase(DataSource dataSource, Communities communities) {
        super(dataSource, "ЦНАП CRM");
        seedShipped(communities);
    }

    /** Each community's centre starts with the shipped service cards (written only where it has none). */
    private void seedShipped(Communities communities) {
        seedEachCommunity(communities, ShippedCards::seedIfNew,
                id -> LOG.info("ЦНАП CRM of community {}: the shipped service cards", id));
    }

    /** For tests: a migrated (and isolated) database. */
    CrmDatabase(DataSource dataSource) {
        super(dataSource, "ЦНАП CRM");
    }
}
