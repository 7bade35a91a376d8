package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.testing.DiscardingAuditLog;
import ua.hromada.portal.testing.TestDatabase;

/** A change and its audit entry commit together: an entry that cannot be written takes the change back. */
class RegistryAuditTransactionTest {

    /** Writes nothing and fails inside the change's transaction, as a broken audit table would. */
    private static final class FailingAuditLog extends DiscardingAuditLog {
        int attempts;

        @Override
        public void record(String actor, String module, String entityType, String entityId, String action, String changes) {
            throw new AssertionError("the registry must write its entries on the change's connection");
        }

        @Override
        public void record(Connection c, String actor, String module, String entityType, String entityId, String action,
                String changes) throws SQLException {
            attempts++;
            throw new SQLException("audit_log is not writable");
        }
    }

    @Test
    void aChangeWhoseEntryFailsIsNotSaved() {
        try (TestDatabase db = TestDatabase.create()) {
            db.migrate("opendata");
            FailingAuditLog audit = new FailingAuditLog();
            DatasetRegistryImpl registry = new DatasetRegistryImpl(new OpendataDatabase(db.communityDataSource("default")), audit,
                    OpendataSettings.defaults());
            PortalUser steward = new PortalUser(1, "steward", "Олена", Set.of(), Set.of(OpendataPermissions.EDIT));

            assertThrows(RuntimeException.class, () -> registry.saveManager(steward, new DataManager(0, "Відділ освіти",
                    null, null, null, null, null, null)));
            assertEquals(1, audit.attempts);
            assertTrue(registry.managers(steward).isEmpty(), "the manager went back with its entry");
            assertEquals(0, registry.countDatasets(steward, DatasetQuery.all()));
        }
    }
}
