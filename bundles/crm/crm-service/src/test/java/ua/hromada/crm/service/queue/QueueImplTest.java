package ua.hromada.crm.service.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.DeskCall;
import ua.hromada.crm.api.QueueGroup;
import ua.hromada.crm.api.Ticket;
import ua.hromada.crm.api.TicketStatus;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.crm.service.analytics.CrmRows;
import ua.hromada.portal.api.PortalException.Reason;

/** The hall queue on a real PostgreSQL: numbering, calling order, times by the test clock, no-shows, displays. */
class QueueImplTest {
    private static final String PASSPORTS = "Паспорти";
    private static final String RESIDENCE = "Реєстрація місця проживання";

    private CrmTestSetup setup;
    private CrmRows rows;
    private QueueImpl queue;

    @BeforeEach
    void setUp() {
        setup = new CrmTestSetup();
        rows = new CrmRows(setup);
        queue = setup.queue();
        rows.card("P-1", "Оформлення паспорта громадянина України", PASSPORTS);
        rows.card("P-2", "Обмін паспорта", PASSPORTS);
        rows.card("R-1", "Реєстрація місця проживання особи", RESIDENCE);
        rows.now(LocalDateTime.parse("2026-03-18T09:00"));
    }

    @AfterEach
    void tearDown() {
        setup.close();
    }

    @Test
    void groupsGetLettersInTheOrderFirstSeenAndKeepThem() {
        List<QueueGroup> groups = queue.groups(setup.administrator);
        assertEquals(List.of(PASSPORTS, RESIDENCE), groups.stream().map(QueueGroup::name).toList());
        assertEquals(List.of("А", "Б"), groups.stream().map(QueueGroup::letter).toList());
        // a group that sorts first but arrives later gets the next letter, the others keep theirs
        rows.card("A-1", "Акт на землю", "Земельні питання");
        List<QueueGroup> after = queue.groups(setup.administrator);
        assertEquals(List.of("А", "Б", "В"), after.stream().map(QueueGroup::letter).toList());
        assertEquals("Земельні питання", after.get(2).name());
    }

    @Test
    void ticketsAreNumberedPerGroupAndStartAgainEachDay() {
        assertEquals("А-001", queue.take(setup.administrator, PASSPORTS).number());
        assertEquals("А-002", queue.take(setup.administrator, PASSPORTS).number());
        Ticket residence = queue.take(setup.head, RESIDENCE);
        assertEquals("Б-001", residence.number());
        assertEquals(TicketStatus.WAITING, residence.status());
        assertEquals(RESIDENCE, residence.group());
        assertEquals("head", residence.takenBy());
        assertEquals(3, queue.today(setup.administrator).size());

        setup.clock().advance(Duration.ofDays(1));
        assertEquals("А-001", queue.take(setup.administrator, PASSPORTS).number());
        assertEquals(1, queue.today(setup.administrator).size(), "yesterday's tickets are not today's visitors");
    }

    @Test
    void takingRefusesAnUnknownGroupAndAPersonWithoutTheRight() {
        CrmException unknown = assertThrows(CrmException.class, () -> queue.take(setup.administrator, "Довідки"));
        assertEquals(Reason.NOT_FOUND, unknown.reason());
        CrmException blank = assertThrows(CrmException.class, () -> queue.take(setup.administrator, " "));
        assertEquals("crm.queue.error.groupRequired", blank.fieldErrors().get("group"));
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> queue.take(setup.executor, PASSPORTS)).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> queue.today(setup.stranger)).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> queue.load(setup.administrator, 4)).reason(), "planning is the head's");
    }

    @Test
    void aDeskCallsTheLongestWaitingTicketOfTheGroupsItServes() {
        Ticket a1 = queue.take(setup.administrator, PASSPORTS);
        setup.clock().advance(Duration.ofMinutes(1));
        Ticket b1 = queue.take(setup.administrator, RESIDENCE);
        setup.clock().advance(Duration.ofMinutes(1));
        Ticket a2 = queue.take(setup.administrator, PASSPORTS);

        assertEquals(b1.id(), queue.callNext(setup.administrator, 1, Set.of(RESIDENCE)).orElseThrow().id(),
                "window 1 serves residence only");
        Ticket second = queue.callNext(setup.administrator, 2, Set.of(PASSPORTS, RESIDENCE)).orElseThrow();
        assertEquals(a1.id(), second.id());
        assertEquals(2, second.window());
        assertEquals(TicketStatus.CALLED, second.status());
        assertEquals(a2.id(), queue.callNext(setup.administrator, 3, Set.of(PASSPORTS, RESIDENCE)).orElseThrow().id());
        assertTrue(queue.callNext(setup.administrator, 4, Set.of(PASSPORTS, RESIDENCE)).isEmpty(), "nobody waits");

        CrmException busy = assertThrows(CrmException.class,
                () -> queue.callNext(setup.administrator, 1, Set.of(RESIDENCE)));
        assertEquals(Reason.CONFLICT, busy.reason());
        assertEquals("crm.queue.error.windowBusy", busy.messageKey());
        assertEquals(b1.id(), queue.atWindow(setup.administrator, 1).orElseThrow().id());
        assertEquals("crm.queue.error.window", assertThrows(CrmException.class,
                () -> queue.callNext(setup.administrator, 0, Set.of(PASSPORTS))).fieldErrors().get("window"));
        assertEquals("crm.queue.error.groupsRequired", assertThrows(CrmException.class,
                () -> queue.callNext(setup.administrator, 5, Set.of())).fieldErrors().get("groups"));
    }

    @Test
    void waitingAndServiceTimesFollowTheClock() {
        Ticket taken = queue.take(setup.administrator, PASSPORTS);
        setup.clock().advance(Duration.ofMinutes(7));
        assertEquals(Duration.ofMinutes(7), queue.today(setup.administrator).get(0).waiting(), "still waiting: until now");
        assertNull(queue.today(setup.administrator).get(0).service());

        queue.callNext(setup.administrator, 4, Set.of(PASSPORTS)).orElseThrow();
        setup.clock().advance(Duration.ofMinutes(2));
        Ticket serving = queue.start(setup.administrator, taken.id());
        assertEquals(TicketStatus.SERVING, serving.status());
        setup.clock().advance(Duration.ofMinutes(12));
        assertEquals(Duration.ofMinutes(12), queue.today(setup.administrator).get(0).service(), "served until now");
        long caseId = rows.caseOf(rows.card("P-9", "Довідка", PASSPORTS), "FRONT_DESK", setup.clock().instant(),
                setup.settings().today().plusDays(10), "REGISTERED", null);
        Ticket done = queue.finish(setup.administrator, taken.id(), " T-1 ");
        setup.clock().advance(Duration.ofMinutes(30));

        Ticket later = queue.today(setup.administrator).get(0);
        assertEquals(TicketStatus.DONE, later.status());
        assertEquals(Duration.ofMinutes(7), later.waiting(), "taken → called");
        assertEquals(Duration.ofMinutes(12), later.service(), "started → finished");
        assertEquals(caseId, later.caseId());
        assertEquals("T-1", later.caseNumber());
        assertEquals(done.finishedAt(), later.finishedAt());
        assertTrue(queue.atWindow(setup.administrator, 4).isEmpty(), "the window is free again");
        assertEquals(List.of("take", "call", "start", "finish"), setup.audit().entries().stream()
                .filter(e -> e.entityType().equals("queue_ticket")).map(e -> e.action()).toList());
    }

    @Test
    void aNoShowFreesTheWindowAndCannotBeServed() {
        Ticket taken = queue.take(setup.administrator, PASSPORTS);
        Ticket next = queue.take(setup.administrator, PASSPORTS);
        queue.callNext(setup.administrator, 2, Set.of(PASSPORTS)).orElseThrow();
        setup.clock().advance(Duration.ofMinutes(3));
        Ticket missed = queue.noShow(setup.administrator, taken.id());
        assertEquals(TicketStatus.NO_SHOW, missed.status());
        CrmException late = assertThrows(CrmException.class, () -> queue.start(setup.administrator, taken.id()));
        assertEquals(Reason.CONFLICT, late.reason());
        assertEquals("crm.queue.error.state.CALLED", late.messageKey());
        assertEquals(next.id(), queue.callNext(setup.administrator, 2, Set.of(PASSPORTS)).orElseThrow().id());
        assertEquals("crm.queue.error.state.SERVING", assertThrows(CrmException.class,
                () -> queue.finish(setup.administrator, next.id(), null)).messageKey(), "finish before start");
        assertEquals(Reason.NOT_FOUND, assertThrows(CrmException.class,
                () -> queue.start(setup.administrator, 999_999)).reason());
        queue.start(setup.administrator, next.id());
        assertEquals("crm.queue.error.case", assertThrows(CrmException.class,
                () -> queue.finish(setup.administrator, next.id(), "2026-424242")).fieldErrors().get("case"),
                "an unknown case is not linked");
        assertEquals(TicketStatus.DONE, queue.finish(setup.administrator, next.id(), "").status(), "blank: no case");
    }

    @Test
    void aDisplayIsToldOfEachCallWithNumbersAndWindowsOnly() throws Exception {
        Ticket taken = queue.take(setup.administrator, RESIDENCE);
        CompletableFuture<List<DeskCall>> shown = new CompletableFuture<>();
        try (AutoCloseable display = queue.onCall(shown::complete)) {
            queue.callNext(setup.administrator, 7, Set.of(RESIDENCE));
            List<DeskCall> lines = shown.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(new DeskCall(taken.number(), 7, setup.clock().instant())), lines);
        }
        assertEquals(List.of("Б-001"), queue.board().stream().map(DeskCall::number).toList());
        CompletableFuture<List<DeskCall>> closed = new CompletableFuture<>();
        queue.onCall(closed::complete).close();
        CompletableFuture<List<DeskCall>> open = new CompletableFuture<>();
        try (AutoCloseable display = queue.onCall(open::complete)) {
            queue.noShow(setup.administrator, taken.id());
            assertEquals(List.of(), open.get(10, TimeUnit.SECONDS), "a no-show leaves the display");
        }
        // both would have been told in the same round
        assertFalse(closed.isDone(), "a closed display is told nothing");
        assertTrue(queue.board().isEmpty());
    }
}
