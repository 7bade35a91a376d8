package ua.hromada.crm.service;

import java.util.Set;

import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.ModuleTestSetup;
import ua.hromada.portal.testing.RecordingAuditLog;
import ua.hromada.portal.testing.TestDatabase;

/**
 * The real CRM services over a throw-away PostgreSQL database (the community DataSource, row-level
 * security, the default community unless a test adds others), an in-memory audit log, the portal's
 * real job pools and one user per role. Shared with the verification and UI bundles' tests through
 * the test-jar. Each part of the module adds its services here (fields, constructor lines, getters).
 */
public final class CrmTestSetup extends ModuleTestSetup {
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final JobPools pools = new JobPools(java.util.Map.of());
    private final CrmDatabase database;

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
        super(TestDatabase.prepared("crm", d -> d.migrate("crm")));
        database = new CrmDatabase(communityDataSource());
    }

    public static PortalUser user(long id, String username, String name, Set<String> roles, String... permissions) {
        return new PortalUser(id, username, name, roles, Set.of(permissions));
    }

    public CrmDatabase database() {
        return database;
    }

    public RecordingAuditLog audit() {
        return audit;
    }

    public JobPools pools() {
        return pools;
    }

    @Override
    public void close() {
        pools.close();
        super.close();
    }
}
