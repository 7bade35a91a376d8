package ua.hromada.portal.persistence.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Transactions;
import ua.hromada.portal.persistence.audit.AuditLogImplAccess;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.persistence.testing.PortalTestDatabase;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/** Two nodes' change feeds on one real database, each on its own LISTEN connection. */
class ChangeFeedTest {

    private static final String ACTS = "docsearch.act";

    private TestDatabase db;
    /** Each node's job service (the feed's loop holds its pool's one thread). */
    private final List<JobPools> nodes = new ArrayList<>();
    private final TestCommunities communities = new TestCommunities().add("kremenchuk");
    private final List<ChangeFeedImpl> feeds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = PortalTestDatabase.createMigrated();
    }

    @AfterEach
    void tearDown() {
        feeds.forEach(ChangeFeedImpl::close);
        nodes.forEach(JobPools::close);
        db.close();
    }

    @Test
    void aCommittedWriteOnOneNodeReachesTheOtherInItsCommunity() throws Exception {
        ChangeFeedImpl a = feed("A");
        ChangeFeedImpl b = feed("B");
        BlockingQueue<String> heardByA = listen(a, ACTS);
        BlockingQueue<String> heardByB = listen(b, ACTS);

        // a rolled back write tells nobody
        assertThrows(IllegalStateException.class, () -> Transactions.tx(db.communityDataSource("default"), "test", c -> {
            a.publish(c, ACTS, "rolled-back");
            throw new IllegalStateException("the write failed");
        }));
        publish(a, "opendata.dataset", "another topic", "default");
        publish(a, ACTS, "42", "kremenchuk");
        assertEquals("42 in kremenchuk from A", next(heardByB));

        // B's write goes to A, not back to B: B's next is A's following write
        publish(b, ACTS, "7", "default");
        assertEquals("7 in default from B", next(heardByA));
        publish(a, ACTS, "8", "default");
        assertEquals("8 in default from A", next(heardByB));
    }

    @Test
    void aNodeThatWasDownOrLostItsConnectionCatchesUp() throws Exception {
        ChangeFeedImpl a = feed("A");
        ChangeFeedImpl b = feed("B");
        BlockingQueue<String> before = listen(b, ACTS);
        publish(a, ACTS, "1", "default");
        assertEquals("1 in default from A", next(before));

        // node B stops; A writes meanwhile; B starts again under the same name and its module subscribes late
        b.close();
        publish(a, ACTS, "2", "default");
        publish(a, ACTS, "3", "kremenchuk");
        ChangeFeedImpl restarted = feed("B");
        BlockingQueue<String> after = listen(restarted, ACTS);
        assertEquals("2 in default from A", next(after));
        assertEquals("3 in kremenchuk from A", next(after));

        // the database drops every connection (as a restart does): the feed listens again, nothing lost
        db.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                + "where datname = current_database() and pid <> pg_backend_pid()");
        publish(a, ACTS, "4", "default");
        assertEquals("4 in default from A", next(after));
        publish(a, ACTS, "5", "default");
        assertEquals("5 in default from A", next(after));
    }

    @Test
    void aChangeAuditedOnTheWritersConnectionIsPublishedAsModuleAndEntityType() throws Exception {
        ChangeFeedImpl a = feed("A");
        ChangeFeedImpl b = feed("B");
        BlockingQueue<String> heard = listen(b, "docsearch.legal-act");
        AuditLog audit = new AuditLogImplAccess(db.jpa(), Clock.systemUTC(), communities).log(a);
        Transactions.tx(db.communityDataSource("kremenchuk"), "test", c -> {
            audit.record(c, "clerk", "docsearch", "legal-act", "17", "update", "title");
            return null;
        });
        assertEquals("17 in kremenchuk from A", next(heard));
    }

    private ChangeFeedImpl feed(String node) {
        JobPools pools = new JobPools(Map.of());
        nodes.add(pools);
        ChangeFeedImpl feed = new ChangeFeedImpl(db.dataSource(), pools.forModule("portal-persistence"), communities, node,
                Duration.ofDays(7));
        feeds.add(feed);
        return feed;
    }

    private BlockingQueue<String> listen(ChangeFeedImpl feed, String topic) {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        feed.subscribe(topic, change -> heard.add(change.key() + " in " + communities.current().id() + " from "
                + change.node()));
        return heard;
    }

    /** As a module does: on its community connection, in the write's transaction. */
    private void publish(ChangeFeedImpl feed, String topic, String key, String community) {
        Transactions.tx(db.communityDataSource(community), "test", c -> {
            feed.publish(c, topic, key);
            return null;
        });
    }

    private static String next(BlockingQueue<String> heard) throws InterruptedException {
        // generous: a reconnect waits a second before listening again
        return heard.poll(20, TimeUnit.SECONDS);
    }
}
