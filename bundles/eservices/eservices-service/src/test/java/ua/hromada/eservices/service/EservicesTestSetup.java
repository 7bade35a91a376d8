package ua.hromada.eservices.service;

import java.util.Set;

import ua.hromada.eservices.api.EservicesPermissions;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.ModuleTestSetup;
import ua.hromada.portal.testing.RecordingAuditLog;
import ua.hromada.portal.testing.TestDatabase;

/**
 * The real e-services services over a throw-away PostgreSQL database (the community DataSource,
 * row-level security, the default community unless a test adds others), an in-memory audit log,
 * the portal's real job pools and one user per role. Shared with the UI bundle's tests through the
 * test-jar. Each part of the module adds its services here.
 */
public final class EservicesTestSetup extends ModuleTestSetup {
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final JobPools pools = new JobPools(java.util.Map.of());
    private final EservicesDatabase database;
    private final UnitsImpl units;

    /** Manages units, topics and every appeal. */
    public final PortalUser manager = user(1, "manager", "Оксана Керівниця", Set.of(), EservicesPermissions.MANAGE);
    /** Edits the service catalogue. */
    public final PortalUser editor = user(2, "editor", "Богдан Редактор", Set.of(), EservicesPermissions.CATALOGUE);
    /** Handles the appeals of the units with the role "blagoustrii". */
    public final PortalUser clerk = user(3, "clerk", "Ірина Виконавиця", Set.of("blagoustrii"),
            EservicesPermissions.APPEALS);
    /** Signed in, no e-services right. */
    public final PortalUser stranger = user(4, "stranger", "Без ролі", Set.of());

    public EservicesTestSetup() {
        super(TestDatabase.prepared("eservices", d -> d.migrate("eservices")));
        database = new EservicesDatabase(communityDataSource());
        units = new UnitsImpl(database, audit);
    }

    public static PortalUser user(long id, String username, String name, Set<String> roles, String... permissions) {
        return new PortalUser(id, username, name, roles, Set.of(permissions));
    }

    public EservicesDatabase database() {
        return database;
    }

    public RecordingAuditLog audit() {
        return audit;
    }

    public JobPools pools() {
        return pools;
    }

    public UnitsImpl units() {
        return units;
    }

    @Override
    public void close() {
        pools.close();
        super.close();
    }
}
