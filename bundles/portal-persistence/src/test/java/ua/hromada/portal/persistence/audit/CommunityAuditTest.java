package ua.hromada.portal.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Every entry carries its community; a listing is one community's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunityAuditTest {
    private TestDatabase db;
    private final MutableClock clock = new MutableClock();
    private final TestCommunities communities = new TestCommunities().add("a").add("b");
    private AuditLogImpl audit;

    @BeforeAll
    void start() {
        db = PortalTestDatabase.createMigrated();
        audit = new AuditLogImpl(db.jpa(), clock, communities);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private List<String> ids(AuditQuery query) {
        return audit.find(query, 0, 100).stream().map(e -> e.community() + ":" + e.entityId()).toList();
    }

    @Test
    void entriesCarryTheCurrentCommunityAndListingsShowOnlyItsOwn() throws Exception {
        AuditQuery cases = new AuditQuery(null, "cases", null, null, null, null);
        communities.runAs("a", () -> audit.record("olena", "cases", "case", "a-1", "create", null));
        communities.runAs("b", () -> audit.record("petro", "cases", "case", "b-1", "create", null));
        audit.record("system", "cases", "case", "d-1", "create", null);
        // a module's entry on the owner's connection: the current community's
        try (Connection c = db.dataSource().getConnection()) {
            communities.runAs("a", () -> {
                try {
                    audit.record(c, "olena", "cases", "case", "a-2", "update", null);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        // on a community connection (as hromada_app), the connection's community, whatever is bound
        try (Connection c = db.communityDataSource("b").getConnection()) {
            c.setAutoCommit(false);
            audit.record(c, "petro", "cases", "case", "b-2", "update", null);
            c.commit();
        }

        assertEquals(List.of("default:d-1"), ids(cases));
        assertEquals(1, audit.count(cases));
        assertEquals(List.of("a:a-2", "a:a-1"), communities.callAs("a", () -> ids(cases)));
        assertEquals(List.of("b:b-2", "b:b-1"), communities.callAs("b", () -> ids(cases)));
        // a regional administrator's filter names the community
        assertEquals(List.of("b:b-2", "b:b-1"), ids(cases.inCommunity("b")));
        assertEquals(2, communities.callAs("a", () -> audit.count(cases.inCommunity("b"))));
        AuditEntry first = communities.callAs("a", () -> audit.find(cases, 0, 10)).get(1);
        assertEquals("olena", first.actor());
        assertEquals("a", first.community());
    }
}
