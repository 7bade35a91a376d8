package ua.hromada.crm.service.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.DeskCall;
import ua.hromada.crm.api.Ticket;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.crm.service.analytics.CrmRows;
import ua.hromada.portal.testing.PublishingAuditLog;

/**
 * Two portal nodes on one database (docs/cluster.md), each with its own queue service, job pools and
 * change feed (the core's, LISTEN/NOTIFY on portal.change_log): a hall display open on node B shows a
 * call made at a desk on node A within 2 s, and once; a ticket taken on A leaves B's display alone.
 */
class CallsOnTwoNodesTest {
    private static final String PASSPORTS = "Паспорти";

    private final CrmTestSetup setup = CrmTestSetup.withCore();

    @AfterEach
    void tearDown() {
        setup.close();
    }

    @Test
    void aCallOnOneNodeReachesTheDisplaysOfTheOtherOnce() throws Exception {
        new CrmRows(setup).card("P-1", "Оформлення паспорта громадянина України", PASSPORTS);
        new CrmRows(setup).now(LocalDateTime.parse("2026-03-18T09:00"));
        QueueImpl a = node("A");
        QueueImpl b = node("B");
        LinkedBlockingQueue<List<DeskCall>> onB = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<List<DeskCall>> onA = new LinkedBlockingQueue<>();
        setup.stopOnClose(b.onCall(onB::add));
        setup.stopOnClose(a.onCall(onA::add));

        Ticket ticket = a.take(setup.administrator, PASSPORTS);
        Ticket second = a.take(setup.administrator, PASSPORTS);
        a.callNext(setup.administrator, 3, Set.of(PASSPORTS)).orElseThrow();

        List<DeskCall> shown = onB.poll(2, TimeUnit.SECONDS);
        assertEquals(List.of(ticket.number()), shown == null ? null : shown.stream().map(DeskCall::number).toList(),
                "node B's display shows node A's call within 2 s");
        assertEquals(3, shown.get(0).window());
        assertEquals(1, onA.poll(2, TimeUnit.SECONDS).size(), "node A's display is told by the call itself");

        // node B's desk calls the next one: A's display follows, B's own display is told once
        b.callNext(setup.administrator, 4, Set.of(PASSPORTS)).orElseThrow();
        List<DeskCall> onAAfter = onA.poll(2, TimeUnit.SECONDS);
        assertEquals(List.of(second.number(), ticket.number()),
                onAAfter == null ? null : onAAfter.stream().map(DeskCall::number).toList());
        assertEquals(2, onB.poll(2, TimeUnit.SECONDS).size());

        // a ticket taken on A changes nothing on the board: B's display is not told again
        a.take(setup.administrator, PASSPORTS);
        assertEquals(null, onB.poll(1500, TimeUnit.MILLISECONDS), "an unchanged board is not shown again");
        assertTrue(onA.isEmpty(), "A's display heard its own node's steps once, from the queue itself: " + onA);

        // a finish on A takes the ticket off B's display
        a.start(setup.administrator, ticket.id());
        a.finish(setup.administrator, ticket.id(), null);
        List<DeskCall> afterFinish = onB.poll(2, TimeUnit.SECONDS);
        assertEquals(List.of(second.number()),
                afterFinish == null ? null : afterFinish.stream().map(DeskCall::number).toList());
    }

    /** A node: its job pools and change feed, the queue whose audit publishes on it, the subscription. */
    private QueueImpl node(String name) {
        CrmTestSetup.Node node = setup.node(name);
        QueueImpl queue = new QueueImpl(setup.database(), new PublishingAuditLog(node.feed()), setup.settings(),
                setup.communities(), node.pools().forModule("crm"), CrmTestSetup.queueConfig(Map.of()));
        setup.stopOnClose(new CallsFromOtherNodes(node.feed(), queue)::deactivate);
        return queue;
    }
}
