package ua.hromada.crm.service;

import java.util.Set;

import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.ModuleTestSetup;
import ua.hromada.portal.testing.RecordingAuditLog;
import ua.hromada.portal.testing.TestDatabase;
import ua.hromada.portal.testing.TestPortalSettings;

/**
 * The real CRM services over a throw-away PostgreSQL database (the community DataSource, row-level
 * security, the default community unless a test adds others), an in-memory audit log, the portal's
 * real job pools and one user per role. Shared with the verification and UI bundles' tests through
 * the test-jar. Each part of the module adds its services here (fields, constructor lines, getters).
 */
public final class CrmTestSetup extends ModuleTestSetup {
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final JobPools pools = new JobPools(java.util.Map.of());
    /** The nodes' parts of the two-node tests, stopped last first. */
    private final java.util.List<AutoCloseable> stops = new java.util.ArrayList<>();
    private final CrmDatabase database;
    /** The portal's settings as shipped (Europe/Kyiv), "now" and "today" from this set-up's clock. */
    private final PortalSettings settings;
    private final ua.hromada.crm.service.queue.QueueImpl queue;
    private final ua.hromada.crm.service.cards.ServiceCardsImpl cards;
    private final ua.hromada.crm.service.applicants.ApplicantsImpl applicants;
    /** Cases (shipped config/ua.hromada.crm.cfg), without verification until a test binds one. */
    private final ua.hromada.crm.service.cases.CasesImpl cases;
    private final ua.hromada.crm.service.cases.CasePrintoutsImpl printouts;
    private final ua.hromada.crm.service.analytics.CrmAnalyticsImpl analytics;

    /** Head of the centre: cards, every case, analytics. */
    public final PortalUser head = user(1, "head", "Олена Керівниця", Set.of(), CrmPermissions.HEAD);
    /** Front-desk administrator. */
    public final PortalUser administrator = user(2, "admin1", "Марія Адміністраторка", Set.of(),
            CrmPermissions.ADMINISTRATOR);
    /** Back-office executor of the units with the role "zemelnyi". */
    public final PortalUser executor = user(3, "executor", "Петро Виконавець", Set.of("zemelnyi"),
            CrmPermissions.BACK_OFFICE);
    /** Signed in, no CRM right. */
    public final PortalUser stranger = user(4, "stranger", "Без ролі", Set.of());

    public CrmTestSetup() {
        this(TestDatabase.prepared("crm", d -> d.migrate("crm")));
    }

    /** The services over {@code db}, which has the module's schema. */
    private CrmTestSetup(TestDatabase db) {
        super(db);
        database = new CrmDatabase(communityDataSource());
        settings = new TestPortalSettings().clocked(clock());
        cards = new ua.hromada.crm.service.cards.ServiceCardsImpl(database, audit, clock());
        applicants = new ua.hromada.crm.service.applicants.ApplicantsImpl(database, audit, settings);
        cases = cases(caseSettings(java.util.Map.of()));
        printouts = new ua.hromada.crm.service.cases.CasePrintoutsImpl(cases, cards);
        queue = new ua.hromada.crm.service.queue.QueueImpl(database, audit, settings, communities(),
                pools.forModule("crm"), queueConfig(java.util.Map.of()));
        analytics = new ua.hromada.crm.service.analytics.CrmAnalyticsImpl(database, settings);
    }

    /** For the tests of several nodes on one database (docs/cluster.md): the core's schema too (portal.change_log). */
    public static CrmTestSetup withCore() {
        return new CrmTestSetup(TestDatabase.prepared("crm-with-core", d -> {
            // the core's schema (portal-persistence's scripts, as PortalSchema migrates them) and the module's
            org.flywaydb.core.Flyway.configure().dataSource(d.dataSource())
                    .schemas(ua.hromada.portal.persistence.PortalSchemaReady.SCHEMA).createSchemas(true)
                    .locations("classpath:" + ua.hromada.portal.persistence.PortalSchemaReady.LOCATION).load().migrate();
            d.migrate("crm");
        }));
    }

    /** One portal node over this set-up's database (needs {@link #withCore()}): its own job pools and change feed. */
    public record Node(JobPools pools, ua.hromada.portal.persistence.cluster.ChangeFeedImpl feed) {
    }

    /**
     * A node named {@code name}: job pools bound to this set-up's communities, the core's change feed;
     * stopped when this set-up closes, after what {@link #stopOnClose} adds later (its subscriptions).
     */
    public Node node(String name) {
        JobPools nodePools = new JobPools(java.util.Map.of(), communities());
        stops.add(nodePools::close);
        var feed = new ua.hromada.portal.persistence.cluster.ChangeFeedImpl(dataSource(), () -> "5",
                nodePools.forModule("portal-persistence"), communities(), ua.hromada.portal.testing.ShippedConfig.as(
                        ua.hromada.portal.persistence.cluster.ClusterConfig.class, java.util.Map.of("node", name)));
        stops.add(feed::close);
        return new Node(nodePools, feed);
    }

    /** Stopped when this set-up closes, before what was added earlier (a node's subscriptions, its classifier). */
    public void stopOnClose(AutoCloseable stop) {
        stops.add(stop);
    }

    public static PortalUser user(long id, String username, String name, Set<String> roles, String... permissions) {
        return new PortalUser(id, username, name, roles, Set.of(permissions));
    }

    public CrmDatabase database() {
        return database;
    }

    /** The shipped settings with the test's clock: "today" is the clock's day in Kyiv. */
    public PortalSettings settings() {
        return settings;
    }

    public ua.hromada.crm.service.cards.ServiceCardsImpl cards() {
        return cards;
    }

    public ua.hromada.crm.service.applicants.ApplicantsImpl applicants() {
        return applicants;
    }

    /** The cards' import and export over the same cards. */
    public ua.hromada.crm.service.cards.CardTransferImpl cardTransfer() {
        return new ua.hromada.crm.service.cards.CardTransferImpl(database, cards,
                new ua.hromada.portal.tables.TableFilesImpl());
    }

    /** The same database as the portal's component makes it: each community seeded with the shipped cards. */
    public CrmDatabase seededDatabase() {
        return new CrmDatabase(communityDataSource(), communities());
    }

    public ua.hromada.crm.service.cases.CasesImpl cases() {
        return cases;
    }

    public ua.hromada.crm.service.cases.CasePrintoutsImpl printouts() {
        return printouts;
    }

    /** Cases with other settings (holidays, limits) over the same database, cards and applicants. */
    public ua.hromada.crm.service.cases.CasesImpl cases(ua.hromada.crm.service.cases.CaseSettings caseSettings) {
        return new ua.hromada.crm.service.cases.CasesImpl(database, audit, caseSettings, cards, applicants);
    }

    /** The shipped config/ua.hromada.crm.cfg with {@code overrides} ("holidays" = "2027-01-01", ...). */
    public ua.hromada.crm.service.cases.CaseSettings caseSettings(java.util.Map<String, ?> overrides) {
        try {
            java.util.Properties values = ua.hromada.portal.testing.ShippedConfig.read(
                    ua.hromada.crm.service.cases.CasesConfig.PID);
            overrides.forEach((k, v) -> values.setProperty(k, String.valueOf(v)));
            return new ua.hromada.crm.service.cases.CaseSettings(settings,
                    ua.hromada.portal.testing.ShippedConfig.as(ua.hromada.crm.service.cases.CasesConfig.class, values));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The hall queue over this set-up's database, clock and job pools. */
    public ua.hromada.crm.service.queue.QueueImpl queue() {
        return queue;
    }

    /** The shipped config/ua.hromada.crm.queue.cfg with {@code overrides} ("planning.utilisation.percent" = 100, ...). */
    public static ua.hromada.crm.service.queue.QueueConfig queueConfig(java.util.Map<String, ?> overrides) {
        try {
            java.util.Properties values = ua.hromada.portal.testing.ShippedConfig.read(
                    ua.hromada.crm.service.queue.QueueConfig.PID);
            overrides.forEach((k, v) -> values.setProperty(k, String.valueOf(v)));
            return ua.hromada.portal.testing.ShippedConfig.as(ua.hromada.crm.service.queue.QueueConfig.class, values);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public ua.hromada.crm.service.analytics.CrmAnalyticsImpl analytics() {
        return analytics;
    }

    /** The verification with this OCR engine (crm-verification's tests give tesseract); null = none installed. */
    public ua.hromada.crm.service.verification.VerificationImpl verification(ua.hromada.crm.api.ScanReader reader) {
        return new ua.hromada.crm.service.verification.VerificationImpl(database, audit, settings, pools.forModule("crm"),
                reader);
    }

    /** The verification without an OCR engine (its bundle not installed): scans are reported unread. */
    public ua.hromada.crm.service.verification.VerificationImpl verification() {
        return verification(null);
    }

    /** The routing with this classifier (crm-verification's Lucene one in its tests). */
    public ua.hromada.crm.service.routing.RoutingImpl routing(ua.hromada.crm.api.RequestClassifier classifier,
            ua.hromada.crm.service.routing.RoutingSettings routingSettings) {
        return ua.hromada.crm.service.routing.RoutingImpl.of(database, classifier, pools.forModule("crm"), settings,
                routingSettings);
    }

    public RecordingAuditLog audit() {
        return audit;
    }

    public JobPools pools() {
        return pools;
    }

    @Override
    public void close() {
        IllegalStateException failed = null;
        for (int i = stops.size() - 1; i >= 0; i--) {
            try {
                stops.get(i).close();
            } catch (Exception e) {
                failed = failed == null ? new IllegalStateException("a node's part did not stop", e) : failed;
            }
        }
        pools.close();
        super.close();
        if (failed != null) {
            throw failed;
        }
    }
}
