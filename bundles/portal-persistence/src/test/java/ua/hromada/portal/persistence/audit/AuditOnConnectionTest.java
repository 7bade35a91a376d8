package ua.hromada.portal.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.api.audit.AuditLog.AuditQuery;
import ua.hromada.portal.persistence.testing.PortalTestDatabase;
import ua.hromada.portal.testing.MutableClock;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/** A module's entry written on its own JDBC connection commits and rolls back with the module's change. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditOnConnectionTest {
    private TestDatabase db;
    private final MutableClock clock = new MutableClock();
    private AuditLogImpl audit;

    @BeforeAll
    void start() {
        db = PortalTestDatabase.createMigrated();
        audit = new AuditLogImpl(db.jpa(), clock, new TestCommunities());
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void committedWithTheCallersTransactionAndGoneWithItsRollback() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            audit.record(c, "olena", "docsearch", "legal-act", "7", "delete", "rolled back");
            c.rollback();
            audit.record(c, "olena", "docsearch", "legal-act", "8", "create", "kept");
            c.commit();
        }
        List<AuditEntry> entries = audit.find(new AuditQuery(null, "docsearch", null, null, null, null), 0, 10);
        assertEquals(1, entries.size());
        AuditEntry e = entries.get(0);
        assertEquals("8", e.entityId());
        assertEquals("create", e.action());
        assertEquals("kept", e.changes());
        assertEquals("olena", e.actor());
        assertEquals(clock.instant(), e.at());
    }

    @Test
    void refusesAnEntryWithoutActor() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            assertThrows(IllegalArgumentException.class,
                    () -> audit.record(c, " ", "docsearch", "legal-act", "9", "create", "x"));
        }
    }
}
