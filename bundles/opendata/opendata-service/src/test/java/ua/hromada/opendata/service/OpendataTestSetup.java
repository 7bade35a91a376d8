package ua.hromada.opendata.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.api.RegistryReferences;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.RegistryTransfer;
import ua.hromada.opendata.api.StructureField;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.dataset.DatasetProvider;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.ModuleTestSetup;
import ua.hromada.portal.testing.RecordingAuditLog;
import ua.hromada.portal.testing.TestDatabase;

/**
 * The real open-data registry over a throw-away PostgreSQL database, an in-memory audit log, and
 * one user per role. The services work as in the portal: over the community DataSource (the
 * application role, row-level security) with the community bound in {@link #communities()}: the
 * default one unless a test adds others and runs its work as them. Shared with the other open-data bundles' tests through the test-jar
 * ({@code opendata-service} with {@code <type>test-jar</type>}).
 */
public final class OpendataTestSetup extends ModuleTestSetup {
    private final RecordingAuditLog audit = new RecordingAuditLog();
    /** The portal's real job pools: provider work runs on them as in Karaf. */
    private final JobPools pools = new JobPools(java.util.Map.of());
    private final OpendataDatabase database;
    private final DatasetRegistryImpl registry;
    private final RegistryTransferImpl transfer;
    private final ProviderSync providers;
    private final RegistryActionsImpl actions;
    private final CkanImportImpl ckan;
    private final CkanPublishImpl publish;
    /** The test servers' network, allowed as the configuration's allowed.networks would. */
    public static final String LOCAL = "127.0.0.0/8";
    /** The publisher's key the shared configuration gives. */
    public static final String API_KEY = "shared-publisher-key";

    /** Data steward: edits the registry. */
    public final PortalUser steward = user(1, "steward", "Олена Редакторка", OpendataPermissions.EDIT);
    /** Reads the registry only. */
    public final PortalUser viewer = user(2, "viewer", "Петро Читач", OpendataPermissions.VIEW);
    /** Runs audits. */
    public final PortalUser auditor = user(3, "auditor", "Ірина Аудиторка", OpendataPermissions.AUDIT);
    /** Portal administrator (implies every permission). */
    public final PortalUser admin = user(4, "admin", "Адміністратор", PortalUser.ADMIN_PERMISSION);
    /** Signed in, no open-data right. */
    public final PortalUser stranger = user(5, "stranger", "Без ролі");

    /** Uploaded files kept in the database. */
    public OpendataTestSetup() {
        this(null);
    }

    /** Uploaded files kept in {@code storageFolder} (null: in the database). */
    public OpendataTestSetup(Path storageFolder) {
        // the opendata schema (migrated as the SchemaMigrations service does in Karaf, then isolated)
        // is made once per test JVM and copied per test
        super(TestDatabase.prepared("opendata", d -> d.migrate("opendata")));
        database = new OpendataDatabase(communityDataSource(), communities(), OpendataSettings.defaults()::zone);
        registry = new DatasetRegistryImpl(database, audit, OpendataSettings.defaults().withStorage(storageFolder)
                .withMaxUpload(2L * 1024 * 1024));
        transfer = new RegistryTransferImpl(registry, java.time.Clock.systemUTC());
        providers = new ProviderSync(registry, OpendataSettings.defaults(), pools.forModule("opendata-service"),
                communities());
        actions = new RegistryActionsImpl(registry);
        ckan = new CkanImportImpl(registry, ckanConnection(List.of(LOCAL)), java.time.Clock.systemUTC());
        publish = new CkanPublishImpl(registry, ckanConnection(List.of(LOCAL)), java.time.Clock.systemUTC());
    }

    /** The CKAN import (the local servers a test starts are allowed, as {@link #LOCAL}). */
    public ua.hromada.opendata.api.CkanImport ckanImport() {
        return ckan;
    }

    /** The CKAN publication with the shared key {@link #API_KEY} (a community's overlay may set its own). */
    public ua.hromada.opendata.api.CkanPublish ckanPublish() {
        return publish;
    }

    /** The outbound connection as configured: the allowed networks, the shared key {@link #API_KEY}. */
    CkanConnection ckanConnection(List<String> allowedNetworks) {
        return new CkanConnection(OutboundForTests.allowing(allowedNetworks.toArray(String[]::new)), communities(),
                java.time.Duration.ofSeconds(10), API_KEY);
    }

    /** Deletion and bulk actions; {@code references} as the audit bundle would register them. */
    public RegistryActions actions(RegistryReferences... references) {
        for (RegistryReferences r : references) {
            actions.addReferences(r);
        }
        return actions;
    }

    public static PortalUser user(long id, String username, String name, String... permissions) {
        return new PortalUser(id, username, name, Set.of(), Set.of(permissions));
    }

    public DatasetRegistry registry() {
        return registry;
    }

    public RegistryTransfer transfer() {
        return transfer;
    }

    /** A module's live dataset appears (as when its DatasetProvider service is registered); waits until it is in. */
    public void addProvider(DatasetProvider provider) {
        providers.addProvider(provider);
        providers.awaitIdle();
    }

    /** The module's DatasetProvider service goes away; waits until the dataset is marked not live. */
    public void removeProvider(DatasetProvider provider) {
        providers.removeProvider(provider);
        providers.awaitIdle();
    }

    /** One scheduled refresh of every present provider, now, on the calling thread. */
    public void refreshProviders() {
        providers.refreshAll();
    }

    /** Whether the dataset's module still provides it. */
    public boolean live(String identifier) {
        return providers.live(identifier);
    }

    DatasetRegistryImpl registryImpl() {
        return registry;
    }

    OpendataDatabase database() {
        return database;
    }

    public AuditLog auditLog() {
        return audit;
    }

    /** Secures a migrated schema as the portal does after its migrations. */
    public void isolate(String schema) {
        db().isolate(schema);
    }

    /** Migrates another bundle's schema (e.g. the audit's) from its scripts on the class path, then secures it. */
    public void migrate(String schema) {
        db().migrate(schema);
    }

    /** What was recorded in the audit log, oldest first. */
    public synchronized List<AuditLog.AuditEntry> audit() {
        return audit.entries();
    }

    /** A valid ЄДРПОУ code: the given seven digits (0..9 999 999) and their check digit. */
    public static String edrpou(int firstSeven) {
        String seven = String.format("%07d", firstSeven);
        return seven + Edrpou.checkDigit(seven + "0");
    }

    /** A data manager saved by the steward. */
    public DataManager manager(String name, String edrpou) {
        return registry.saveManager(steward, new DataManager(0, name, edrpou, "Іван Відповідальний",
                "opendata@example.org", "+380 532 000000", null, null));
    }

    /** A dataset with every passport field filled (not saved): CSV, monthly, modified today. */
    public static Dataset passport(long managerId, String identifier, String title) {
        LocalDate today = LocalDate.now();
        return new Dataset(0, identifier, title, "Опис набору «" + title + "»", "uk", List.of("CSV"), null,
                today.minusYears(1).atStartOfDay(), today.atStartOfDay(), today, UpdateFrequency.MONTHLY, List.of("відкриті дані", "Полтава"),
                List.of("https://example.org/" + identifier + ".csv"), "Іван Відповідальний", "opendata@example.org",
                "Постанова КМУ від 21.10.2015 № 835", "Оприлюднення у формі відкритих даних", managerId, null,
                List.of("полтава"), List.of(new StructureField("id", "Ідентифікатор", "integer", true),
                        new StructureField("name", "Назва", "string", false)),
                null, false, null, null);
    }

    /** A dataset with a full passport saved by the steward, published or not. */
    public Dataset dataset(DataManager manager, String identifier, String title, boolean published) {
        Dataset d = passport(manager.id(), identifier, title);
        return registry.saveDataset(steward, new Dataset(0, d.identifier(), d.title(), d.description(), d.language(),
                d.formats(), d.compression(), d.firstPublishedAt(), d.lastModifiedAt(), d.actualityDate(), d.frequency(),
                d.keywords(), d.links(), d.responsiblePerson(), d.responsibleEmail(), d.legalBasis(), d.purpose(),
                d.managerId(), null, d.tags(), d.structure(), d.obligationId(), published, null, null));
    }

    /** The portal's real job pools, as the open-data bundles' services get them in Karaf. */
    public ua.hromada.portal.api.jobs.Jobs jobs() {
        return pools.forModule("opendata-test");
    }

    @Override
    public void close() {
        providers.deactivate();
        pools.close();
        super.close();
    }
}
