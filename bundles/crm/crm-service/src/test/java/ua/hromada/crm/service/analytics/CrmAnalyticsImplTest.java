package ua.hromada.crm.service.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static ua.hromada.crm.service.analytics.CrmRows.kyiv;

import java.io.ByteArrayInputStream;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.RuleFindings;
import ua.hromada.crm.api.ServiceTimes;
import ua.hromada.crm.api.SlaBreaches;
import ua.hromada.crm.api.Topic;
import ua.hromada.crm.api.TopicMonth;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.portal.api.PortalException.Reason;

/**
 * The head's figures on a small known data set, worked out by hand: percentile_cont interpolates
 * between the sorted values at (n − 1) × p.
 */
class CrmAnalyticsImplTest {
    private static final LocalDate MAY_1 = LocalDate.parse("2026-05-01");
    private static final LocalDate MAY_31 = LocalDate.parse("2026-05-31");

    private CrmTestSetup setup;
    private CrmAnalyticsImpl analytics;
    private long passportOpen;
    private long fiveHours;
    private long slowCase;
    private long juneCase;

    @BeforeEach
    void setUp() {
        setup = new CrmTestSetup();
        analytics = setup.analytics();
        CrmRows rows = new CrmRows(setup);
        rows.now(LocalDateTime.parse("2026-06-15T12:00"));
        long passport = rows.card("P-1", "Паспорт", "Паспорти");
        long residence = rows.card("R-1", "Реєстрація", "Реєстрація місця проживання");
        LocalDate roomy = LocalDate.parse("2026-05-29");
        // passport: 10, 20, 30, 40 hours; the 30-hour one issued the day after its deadline
        long first = rows.issued(passport, kyiv("2026-05-04T09:00"), 10, roomy);
        rows.issued(passport, kyiv("2026-05-04T09:00"), 20, roomy);
        rows.issued(passport, kyiv("2026-05-04T09:00"), 30, LocalDate.parse("2026-05-04"));
        rows.issued(passport, kyiv("2026-05-04T09:00"), 40, roomy);
        // registered at 23:30 on 31 May in Kyiv (20:30 UTC): May's; still open, deadline ahead
        passportOpen = rows.caseOf(passport, "FRONT_DESK", kyiv("2026-05-31T23:30"), LocalDate.parse("2026-06-30"),
                "REGISTERED", null);
        // residence: 100, 5, 15 hours
        slowCase = rows.issued(residence, kyiv("2026-05-11T10:00"), 100, roomy);
        fiveHours = rows.issued(residence, kyiv("2026-05-11T10:00"), 5, roomy);
        rows.issued(residence, kyiv("2026-05-11T10:00"), 15, roomy);
        // open past its deadline (overdue), open with time left, cancelled past its deadline (not a breach)
        rows.caseOf(residence, "E_APPEAL", kyiv("2026-05-20T10:00"), LocalDate.parse("2026-06-01"), "IN_BACK_OFFICE", null);
        rows.caseOf(residence, "FRONT_DESK", kyiv("2026-05-25T10:00"), LocalDate.parse("2026-06-20"), "IN_BACK_OFFICE", null);
        rows.caseOf(residence, "FRONT_DESK", kyiv("2026-05-05T10:00"), LocalDate.parse("2026-05-10"), "CANCELLED", null);
        // 00:30 on 1 June in Kyiv is still 31 May in UTC: June's, outside the period
        juneCase = rows.caseOf(residence, "FRONT_DESK", kyiv("2026-06-01T00:30"), LocalDate.parse("2026-06-02"),
                "REGISTERED", null);
        // verification: two missing documents on one case (one overridden), one on another, a fee on a
        // third; the June case's finding is outside May
        rows.finding(first, "missing-document", "1", true);
        rows.finding(first, "missing-document", "2", false);
        rows.finding(slowCase, "missing-document", "1", false);
        rows.finding(slowCase, "fee-not-paid", "", true);
        rows.finding(juneCase, "tax-number-check-digit", "taxNumber", false);
        // issued in June: not May's output
        rows.issued(residence, kyiv("2026-05-29T10:00"), 400, LocalDate.parse("2026-06-30"));
    }

    @AfterEach
    void tearDown() {
        setup.close();
    }

    @Test
    void processingTimeMedianAndP90PerServiceIssuedInThePeriod() {
        List<ServiceTimes> times = analytics.serviceTimes(setup.head, MAY_1, MAY_31);
        assertEquals(2, times.size());
        ServiceTimes residence = times.get(0);  // the longer p90 first
        assertEquals("R-1", residence.code());
        assertEquals(3, residence.issued());
        assertEquals(15.0, residence.medianHours(), 1e-6);
        assertEquals(83.0, residence.p90Hours(), 1e-6, "15 + 0.8 × (100 − 15)");
        ServiceTimes passport = times.get(1);
        assertEquals("Паспорт", passport.service());
        assertEquals(4, passport.issued());
        assertEquals(25.0, passport.medianHours(), 1e-6, "between 20 and 30");
        assertEquals(37.0, passport.p90Hours(), 1e-6, "30 + 0.7 × (40 − 30)");
    }

    @Test
    void slaBreachesCountLateIssuesAndOpenOverdueCases() {
        List<SlaBreaches> breaches = analytics.slaBreaches(setup.head, MAY_1, MAY_31);
        assertEquals(List.of(new SlaBreaches("P-1", "Паспорт", 5, 1, 0),
                new SlaBreaches("R-1", "Реєстрація", 7, 0, 1)), breaches);
        assertEquals(List.of(), analytics.slaBreaches(setup.head, LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-04-30")), "an empty period has no rows");
    }

    @Test
    void requestsByTopicAndMonthInTheCommunitysDays() {
        assertEquals(List.of(new TopicMonth(YearMonth.of(2026, 5), "Реєстрація", 7),
                new TopicMonth(YearMonth.of(2026, 5), "Паспорт", 5)),
                analytics.topics(setup.head, MAY_1, MAY_31, Topic.SERVICE));
        List<TopicMonth> byGroup = analytics.topics(setup.head, MAY_1, LocalDate.parse("2026-06-30"), Topic.QUEUE_GROUP);
        assertEquals("2026-05 Реєстрація місця проживання 7, 2026-05 Паспорти 5, 2026-06 Реєстрація місця проживання 1",
                byGroup.stream().map(t -> t.month() + " " + t.topic() + " " + t.cases()).collect(Collectors.joining(", ")));
    }

    @Test
    void verificationFindingsByRuleWithOverrides() {
        assertEquals(List.of(new RuleFindings("missing-document", 3, 2, 1), new RuleFindings("fee-not-paid", 1, 1, 1)),
                analytics.findings(setup.head, MAY_1, MAY_31));
        assertEquals(List.of(new RuleFindings("tax-number-check-digit", 1, 1, 0)),
                analytics.findings(setup.head, LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30")));
    }

    /**
     * The monthly counts and the findings' registration V7 keeps by triggers follow every change of a case:
     * issued (within a day of its deadline's end: late in Kyiv, not in UTC), moved to another card or
     * registration month, deleted.
     */
    @Test
    void theKeptAggregatesFollowChangedMovedAndDeletedCases() {
        setup.database().tx(c -> {
            try (Statement st = c.createStatement()) {
                // 00:10 on 1 June in Kyiv, after the deadline's day; still 31 May in UTC
                st.executeUpdate("UPDATE crm.service_case SET status = 'ISSUED', deadline = DATE '2026-05-31',"
                        + " issued_at = TIMESTAMPTZ '2026-05-31 21:10:00+00' WHERE id = " + passportOpen);
                st.executeUpdate("UPDATE crm.service_case SET card_id = (SELECT card_id FROM crm.service_case"
                        + " WHERE id = " + passportOpen + ") WHERE id = " + juneCase);
                st.executeUpdate("DELETE FROM crm.service_case WHERE id = " + fiveHours);
                st.executeUpdate("UPDATE crm.service_case SET registered_at = TIMESTAMPTZ '2026-04-20 10:00:00+03'"
                        + " WHERE id = " + slowCase);
            }
            return null;
        });
        assertEquals(List.of(new SlaBreaches("P-1", "Паспорт", 5, 2, 0), new SlaBreaches("R-1", "Реєстрація", 5, 0, 1)),
                analytics.slaBreaches(setup.head, MAY_1, MAY_31));
        assertEquals("2026-04 Реєстрація місця проживання 1, 2026-05 Паспорти 5, 2026-05 Реєстрація місця проживання 5,"
                + " 2026-06 Паспорти 1", analytics.topics(setup.head, LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-06-30"), Topic.QUEUE_GROUP).stream()
                .map(t -> t.month() + " " + t.topic() + " " + t.cases()).collect(Collectors.joining(", ")));
        assertEquals(List.of(new RuleFindings("missing-document", 2, 1, 1)), analytics.findings(setup.head, MAY_1, MAY_31));
        assertEquals(List.of(new RuleFindings("fee-not-paid", 1, 1, 1), new RuleFindings("missing-document", 1, 1, 0)),
                analytics.findings(setup.head, LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30")));
    }

    @Test
    void onlyTheHeadAsksAndThePeriodMustBeReal() {
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> analytics.serviceTimes(setup.administrator, MAY_1, MAY_31)).reason());
        assertEquals("crm.analytics.error.order", assertThrows(CrmException.class,
                () -> analytics.topics(setup.head, MAY_31, MAY_1, Topic.SERVICE)).fieldErrors().get("to"));
        assertEquals("crm.analytics.error.dateRequired", assertThrows(CrmException.class,
                () -> analytics.slaBreaches(setup.head, null, MAY_31)).fieldErrors().get("from"));
    }

    @Test
    void theExportIsAReadableWorkbookWithASheetPerTable() throws Exception {
        byte[] xlsx = analytics.export(setup.head, MAY_1, MAY_31, Locale.forLanguageTag("uk"));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(List.of("Час обробки", "Порушення строків", "Помилки за перевіркою", "Звернення за послугами",
                    "Звернення за групами", "Параметри"), sheets.stream().map(Sheet::getName).toList());
            List<Row> times = sheets.get(0).read();
            assertEquals("Медіана, год", times.get(0).getCellText(3));
            assertEquals("R-1", times.get(1).getCellText(0));
            assertEquals(83.0, times.get(1).getCellAsNumber(4).orElseThrow().doubleValue(), 1e-9);
            assertEquals(25.0, times.get(2).getCellAsNumber(3).orElseThrow().doubleValue(), 1e-9);
            List<Row> findings = sheets.get(2).read();
            assertEquals("Бракує обов’язкового документа", findings.get(1).getCellText(1));
            assertEquals(1, findings.get(1).getCellAsNumber(4).orElseThrow().intValue(), "one overridden");
            List<Row> sla = sheets.get(1).read();
            assertEquals(1, sla.get(2).getCellAsNumber(4).orElseThrow().intValue(), "residence: one open overdue");
        }
        byte[] english = analytics.export(setup.head, MAY_1, MAY_31, Locale.ENGLISH);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(english))) {
            assertEquals("Processing time", workbook.getFirstSheet().getName());
        }
    }
}
