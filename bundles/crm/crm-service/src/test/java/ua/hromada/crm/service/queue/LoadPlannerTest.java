package ua.hromada.crm.service.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.hromada.crm.service.analytics.CrmRows.kyiv;

import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.LoadCell;
import ua.hromada.crm.api.LoadPlan;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.crm.service.analytics.CrmRows;

/** The load per weekday and hour, on tickets and cases at known hours, and the administrators it suggests. */
class LoadPlannerTest {

    @Test
    void administratorsAreArrivalsTimesServiceOverUtilisationRoundedUp() {
        assertEquals(0, LoadPlanner.administrators(0, 20, 0.85));
        assertEquals(2, LoadPlanner.administrators(3, 20, 0.85), "3 × 20 / 60 / 0.85 = 1.18");
        assertEquals(1, LoadPlanner.administrators(3, 20, 1.0), "exactly one person's hour");
        assertEquals(1, LoadPlanner.administrators(0.5, 20, 0.85), "0.2 of a person is still one");
        assertEquals(3, LoadPlanner.administrators(10, 15, 0.85), "10 × 15 / 60 / 0.85 = 2.94 → 3");
    }

    @Test
    void loadPerWeekdayAndHourOverTheLastFullWeeks() throws Exception {
        try (CrmTestSetup setup = new CrmTestSetup()) {
            CrmRows rows = new CrmRows(setup);
            long card = rows.card("P-1", "Оформлення паспорта", "Паспорти");
            rows.now(LocalDateTime.parse("2026-03-18T10:00")); // a Wednesday: two weeks = 4–17 March
            long group = setup.queue().groups(setup.administrator).get(0).id();
            for (String day : List.of("2026-03-09", "2026-03-16")) {       // Mondays, 09:xx, 3 each
                for (String minute : List.of("05", "25", "45")) {
                    rows.servedTicket(group, kyiv(day + "T09:" + minute), 20);
                }
            }
            rows.servedTicket(group, kyiv("2026-03-10T14:10"), 20);           // Tuesday 14:xx
            rows.servedTicket(group, kyiv("2026-03-03T09:10"), 90);           // before the period
            rows.servedTicket(group, kyiv("2026-03-18T09:10"), 90);           // today: not over yet
            rows.caseOf(card, "FRONT_DESK", kyiv("2026-03-09T09:30"), LocalDate.parse("2026-03-20"), "REGISTERED", null);
            rows.caseOf(card, "FRONT_DESK", kyiv("2026-03-09T09:50"), LocalDate.parse("2026-03-20"), "REGISTERED", null);
            rows.caseOf(card, "FRONT_DESK", kyiv("2026-03-13T11:00"), LocalDate.parse("2026-03-20"), "REGISTERED", null);
            rows.caseOf(card, "E_APPEAL", kyiv("2026-03-13T11:20"), LocalDate.parse("2026-03-20"), "REGISTERED", null);

            LoadPlan plan = setup.queue().load(setup.head, 2);
            assertEquals(LocalDate.parse("2026-03-04"), plan.from());
            assertEquals(LocalDate.parse("2026-03-17"), plan.to());
            assertTrue(plan.measured());
            assertEquals(20.0, plan.meanServiceMinutes(), 1e-6, "only the period's services count");
            assertEquals(0.85, plan.utilisation(), 1e-9);
            assertEquals(3, plan.cells().size());

            LoadCell monday = cell(plan, DayOfWeek.MONDAY, 9).orElseThrow();
            assertEquals(3.0, monday.tickets(), 1e-9, "6 tickets over 2 Mondays");
            assertEquals(1.0, monday.cases(), 1e-9);
            assertEquals(3.0, monday.arrivals(), 1e-9);
            assertEquals(2, monday.administrators(), "3 × 20 / 60 / 0.85 = 1.18 → 2");
            LoadCell tuesday = cell(plan, DayOfWeek.TUESDAY, 14).orElseThrow();
            assertEquals(0.5, tuesday.tickets(), 1e-9);
            assertEquals(1, tuesday.administrators());
            LoadCell friday = cell(plan, DayOfWeek.FRIDAY, 11).orElseThrow();
            assertEquals(0.0, friday.tickets(), 1e-9);
            assertEquals(0.5, friday.cases(), 1e-9, "an e-appeal is not a visitor of the hall");
            assertEquals(0.5, friday.arrivals(), 1e-9);
            assertFalse(cell(plan, DayOfWeek.WEDNESDAY, 9).isPresent(), "today is not counted");

            LoadPlan oneWeek = setup.queue().load(setup.head, 1);
            assertEquals(3.0, cell(oneWeek, DayOfWeek.MONDAY, 9).orElseThrow().tickets(), 1e-9);
            assertEquals("crm.queue.error.weeks", assertThrows(CrmException.class,
                    () -> setup.queue().load(setup.head, 0)).fieldErrors().get("weeks"));

            byte[] xlsx = setup.queue().exportLoad(setup.head, 2, Locale.forLanguageTag("uk"));
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = workbook.getFirstSheet();
                assertEquals("Навантаження", sheet.getName());
                List<Row> table = sheet.read();
                assertEquals("День тижня", table.get(0).getCellText(0));
                assertEquals("Адміністраторів", table.get(0).getCellText(5));
                assertEquals(4, table.size(), "the header and three hours");
                assertEquals("понеділок", table.get(1).getCellText(0));
                assertEquals("09:00", table.get(1).getCellText(1));
                assertEquals(3.0, table.get(1).getCellAsNumber(2).orElseThrow().doubleValue(), 1e-9);
                assertEquals(2, table.get(1).getCellAsNumber(5).orElseThrow().intValue());
            }
        }
    }

    @Test
    void withoutMeasuredServiceTheConfiguredMinutesCount() {
        try (CrmTestSetup setup = new CrmTestSetup()) {
            CrmRows rows = new CrmRows(setup);
            long card = rows.card("P-1", "Оформлення паспорта", "Паспорти");
            rows.now(LocalDateTime.parse("2026-03-18T10:00"));
            for (int i = 0; i < 4; i++) {
                rows.caseOf(card, "FRONT_DESK", kyiv("2026-03-12T10:1" + i), LocalDate.parse("2026-03-30"),
                        "REGISTERED", null);
            }
            QueueImpl queue = new QueueImpl(setup.database(), setup.audit(), setup.settings(), setup.communities(),
                    setup.pools().forModule("crm"), CrmTestSetup.queueConfig(Map.of("planning.service.minutes", 30,
                            "planning.utilisation.percent", 100)));
            LoadPlan plan = queue.load(setup.head, 1);
            assertFalse(plan.measured());
            assertEquals(30.0, plan.meanServiceMinutes(), 1e-9);
            LoadCell thursday = cell(plan, DayOfWeek.THURSDAY, 10).orElseThrow();
            assertEquals(4.0, thursday.arrivals(), 1e-9);
            assertEquals(2, thursday.administrators(), "4 × 30 / 60 / 1.0 = 2");
        }
    }

    /**
     * The plan reads counts kept by triggers (queue_load, V10): after tickets served through the queue, a
     * no-show, a ticket and a case moved to another hour, a case that changes source and rows deleted, the
     * kept counts are a recount of the rows, and the plan follows them.
     */
    @Test
    void theKeptCountsFollowEveryChangeOfTicketsAndCases() {
        try (CrmTestSetup setup = new CrmTestSetup()) {
            CrmRows rows = new CrmRows(setup);
            long card = rows.card("P-1", "Оформлення паспорта", "Паспорти");
            rows.now(LocalDateTime.parse("2026-03-16T09:00")); // a Monday
            QueueImpl queue = setup.queue();
            var served = queue.take(setup.administrator, "Паспорти");
            var missed = queue.take(setup.administrator, "Паспорти");
            queue.callNext(setup.administrator, 1, java.util.Set.of("Паспорти")).orElseThrow();
            setup.clock().advance(java.time.Duration.ofMinutes(2));
            queue.start(setup.administrator, served.id());
            setup.clock().advance(java.time.Duration.ofMinutes(18));
            queue.finish(setup.administrator, served.id(), "");
            queue.callNext(setup.administrator, 1, java.util.Set.of("Паспорти")).orElseThrow();
            queue.noShow(setup.administrator, missed.id());
            long moved = rows.caseOf(card, "FRONT_DESK", kyiv("2026-03-16T09:40"), LocalDate.parse("2026-03-30"),
                    "REGISTERED", null);
            long appeal = rows.caseOf(card, "E_APPEAL", kyiv("2026-03-16T10:05"), LocalDate.parse("2026-03-30"),
                    "REGISTERED", null);
            long gone = rows.caseOf(card, "FRONT_DESK", kyiv("2026-03-16T11:05"), LocalDate.parse("2026-03-30"),
                    "REGISTERED", null);
            setup.execute("UPDATE crm.service_case SET registered_at = registered_at + interval '2 hours' WHERE id = " + moved);
            setup.execute("UPDATE crm.service_case SET source = 'FRONT_DESK' WHERE id = " + appeal);
            setup.execute("DELETE FROM crm.service_case WHERE id = " + gone);
            setup.execute("UPDATE crm.queue_ticket SET taken_at = taken_at + interval '1 hour' WHERE id = " + missed.id());
            assertEquals(recount(setup), kept(setup));

            rows.now(LocalDateTime.parse("2026-03-17T08:00"));
            LoadPlan plan = queue.load(setup.head, 1);
            assertTrue(plan.measured());
            assertEquals(18.0, plan.meanServiceMinutes(), 1e-9, "the served ticket; the no-show has no service");
            assertEquals(1.0, cell(plan, DayOfWeek.MONDAY, 9).orElseThrow().tickets(), 1e-9);
            assertEquals(1.0, cell(plan, DayOfWeek.MONDAY, 10).orElseThrow().tickets(), 1e-9, "the moved no-show");
            assertEquals(1.0, cell(plan, DayOfWeek.MONDAY, 10).orElseThrow().cases(), 1e-9, "the e-appeal now at the desk");
            assertEquals(1.0, cell(plan, DayOfWeek.MONDAY, 11).orElseThrow().cases(), 1e-9, "the moved case");
            assertEquals(0.0, cell(plan, DayOfWeek.MONDAY, 9).orElseThrow().cases(), 1e-9);

            setup.execute("DELETE FROM crm.queue_ticket");
            assertEquals(recount(setup), kept(setup));
        }
    }

    /** The counts per quarter of an hour that are not zero, as queue_load keeps them. */
    private static String kept(CrmTestSetup setup) {
        return setup.database().read(c -> ua.hromada.portal.api.jdbc.Statements.list(c, "SELECT quarter, tickets,"
                + " cases, served, served_seconds::bigint FROM crm.queue_load"
                + " WHERE tickets <> 0 OR cases <> 0 OR served <> 0 OR served_seconds <> 0 ORDER BY quarter",
                rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + " " + rs.getLong(2) + " "
                        + rs.getLong(3) + " " + rs.getLong(4) + " " + rs.getLong(5))).toString();
    }

    /** The same counts from the rows themselves. */
    private static String recount(CrmTestSetup setup) {
        return setup.database().read(c -> ua.hromada.portal.api.jdbc.Statements.list(c, "SELECT q, sum(t), sum(k),"
                + " sum(s), sum(sec)::bigint FROM (SELECT crm.quarter_hour(taken_at) AS q, 1 AS t, 0 AS k,"
                + " CASE WHEN status = 'DONE' THEN 1 ELSE 0 END AS s,"
                + " CASE WHEN status = 'DONE' THEN extract(epoch FROM finished_at - started_at) ELSE 0 END AS sec"
                + " FROM crm.queue_ticket UNION ALL SELECT crm.quarter_hour(registered_at), 0, 1, 0, 0"
                + " FROM crm.service_case WHERE source = 'FRONT_DESK') r GROUP BY q ORDER BY q",
                rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + " " + rs.getLong(2) + " "
                        + rs.getLong(3) + " " + rs.getLong(4) + " " + rs.getLong(5))).toString();
    }

    private static Optional<LoadCell> cell(LoadPlan plan, DayOfWeek day, int hour) {
        return plan.cells().stream().filter(c -> c.weekday() == day && c.hour() == hour).findFirst();
    }
}
