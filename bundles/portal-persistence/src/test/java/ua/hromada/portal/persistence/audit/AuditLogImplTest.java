package ua.hromada.portal.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.api.audit.AuditLog.AuditQuery;
import ua.hromada.portal.testing.MutableClock;
import ua.hromada.portal.persistence.testing.PortalTestDatabase;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogImplTest {
    private TestDatabase db;
    private final MutableClock clock = new MutableClock();
    private AuditLogImpl audit;
    private Instant start;

    @BeforeAll
    void start() {
        db = PortalTestDatabase.createMigrated();
        audit = new AuditLogImpl(db.jpa(), clock, new TestCommunities());
        start = clock.instant();
        // 30 entries a minute apart: actors alternate, modules in thirds
        for (int i = 0; i < 30; i++) {
            String actor = i % 2 == 0 ? "olena" : "petro";
            String module = i < 10 ? "oks" : i < 20 ? "gis" : "crm";
            audit.record(actor, module, i % 3 == 0 ? "violation" : "layer", "ID-" + i,
                    i == 7 ? "Special_Action" : "update", i == 12 ? "status: new -> 100% done" : "field " + i);
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void newestFirstWithPaging() {
        assertEquals(30, audit.count(AuditQuery.all()));
        assertEquals(30, audit.count(null));
        List<AuditEntry> page1 = audit.find(AuditQuery.all(), 0, 10);
        List<AuditEntry> page3 = audit.find(AuditQuery.all(), 20, 10);
        assertEquals("ID-29", page1.get(0).entityId());
        assertEquals("ID-20", page1.get(9).entityId());
        assertEquals("ID-9", page3.get(0).entityId());
        assertEquals("ID-0", page3.get(9).entityId());
        assertEquals(List.of(), audit.find(AuditQuery.all(), 30, 10));
        assertEquals(start, page3.get(9).at());
    }

    @Test
    void filtersCombine() {
        assertEquals(15, audit.count(new AuditQuery("olena", null, null, null, null, null)));
        assertEquals(10, audit.count(new AuditQuery(null, "gis", null, null, null, null)));
        assertEquals(5, audit.count(new AuditQuery("petro", "crm", null, null, null, null)));
        assertEquals(10, audit.count(new AuditQuery(null, null, "violation", null, null, null)));
        List<AuditEntry> found = audit.find(new AuditQuery("petro", "crm", null, null, null, null), 0, 100);
        assertTrue(found.stream().allMatch(e -> e.actor().equals("petro") && e.module().equals("crm")));
    }

    @Test
    void timeRangeIsFromInclusiveToExclusive() {
        Instant from = start.plus(Duration.ofMinutes(5));
        Instant to = start.plus(Duration.ofMinutes(8));
        List<AuditEntry> found = audit.find(new AuditQuery(null, null, null, null, from, to), 0, 100);
        assertEquals(List.of("ID-7", "ID-6", "ID-5"), found.stream().map(AuditEntry::entityId).toList());
    }

    @Test
    void textSearchIsCaseInsensitiveOverIdChangesAndAction() {
        assertEquals(List.of("ID-7"), ids(new AuditQuery(null, null, null, "special_ACTION", null, null)));
        assertEquals(List.of("ID-12"), ids(new AuditQuery(null, null, null, "100%", null, null)));
        assertEquals(List.of("ID-25"), ids(new AuditQuery(null, null, null, "id-25", null, null)));
        // LIKE wildcards in the search text are literal
        assertEquals(0, audit.count(new AuditQuery(null, null, null, "fi_ld", null, null)));
        // "field 1", "field 10".."field 19" less ID-12, whose changes differ
        assertEquals(10, audit.count(new AuditQuery(null, null, null, "field 1", null, null)));
    }

    @Test
    void requiredFieldsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> audit.record(" ", "oks", "x", "1", "update", null));
        assertThrows(IllegalArgumentException.class, () -> audit.record("a", "oks", "x", "1", null, null));
    }

    private List<String> ids(AuditQuery q) {
        return audit.find(q, 0, 100).stream().map(AuditEntry::entityId).toList();
    }
}
