package ua.hromada.eservices.service.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jakarta.mail.internet.MimeMessage;
import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealQuery;
import ua.hromada.eservices.api.AppealStatistics;
import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.eservices.api.AppealStep;
import ua.hromada.eservices.api.AppealSummary;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.EditConflictException;

class AppealsImplTest extends AppealTest {
    AppealsImplTest() {
        setup.mailServer();
    }

    private long id(String number) {
        return setup.appeals().find(setup.manager, new AppealQuery(null, null, null, number, false, 0, 5)).get(0).id();
    }

    @Test
    void aClerkSeesAndHandlesOnlyTheUnitsOfHisRoles() {
        String park = resident.submit("blagoustrii", "a@example.org", true).number();   // Департамент благоустрою
        String road = resident.submit("dorohy", "b@example.org", false).number();       // Департамент благоустрою
        String light = resident.submit("osvitlennia", "c@example.org", true).number();  // Управління ЖКГ
        assertEquals(Set.of(park, road), Set.copyOf(setup.appeals().find(setup.clerk, AppealQuery.all(50)).stream()
                .map(AppealSummary::number).toList()));
        assertEquals(2, setup.appeals().count(setup.clerk, AppealQuery.all(50)));
        assertEquals(3, setup.appeals().count(setup.manager, AppealQuery.all(50)));
        long lightId = id(light);
        assertEquals(Reason.NOT_FOUND, assertThrows(EservicesException.class,
                () -> setup.appeals().get(setup.clerk, lightId)).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(EservicesException.class,
                () -> setup.appeals().assign(setup.clerk, lightId, 0, "Іван", "0532 11 22 33")).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(EservicesException.class,
                () -> setup.appeals().journal(setup.clerk, lightId)).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(EservicesException.class,
                () -> setup.appeals().find(setup.stranger, AppealQuery.all(10))).reason());
        // filters and paging
        assertEquals(List.of(road), setup.appeals().find(setup.clerk, new AppealQuery(null, null,
                resident.topic("dorohy").id(), null, false, 0, 10)).stream().map(AppealSummary::number).toList());
        assertEquals(1, setup.appeals().find(setup.manager, new AppealQuery(null, null, null, null, false, 1, 1)).size());
        assertEquals(3, setup.appeals().count(setup.manager, new AppealQuery(null, null, null, "Петренко", false, 0, 10)));
    }

    @Test
    void assignAnswerCloseAreJournalledAuditedMailedAndGuarded() throws Exception {
        String number = resident.submit("blagoustrii", "olena@example.org", true).number();
        long id = id(number);
        Appeal assigned = setup.appeals().assign(setup.clerk, id, 0, " Іван Майстренко ", "+380 532 56-00-11");
        assertEquals(AppealStatus.ASSIGNED, assigned.status());
        assertEquals(1, assigned.version());
        MimeMessage executorMail = AppealFixture.mailTo(setup, "olena@example.org", 2).stream()
                .filter(m -> AppealFixture.text(m).contains("розглядає Іван Майстренко")).findFirst().orElseThrow();
        assertTrue(AppealFixture.text(executorMail).contains("Для уточнень телефонуйте: +380 532 56-00-11"));
        assertEquals("Звернення № " + number + ": призначено виконавця", executorMail.getSubject());

        assertEquals(Map.of("answer", "eservices.appeal.error.answer"), assertThrows(EservicesException.class,
                () -> setup.appeals().answer(setup.clerk, id, 1, " ")).fieldErrors());
        assertEquals(Map.of("executorPhone", "eservices.appeal.error.executorPhone"), assertThrows(EservicesException.class,
                () -> setup.appeals().assign(setup.clerk, id, 1, "Іван", "телефон")).fieldErrors());
        assertEquals(Set.of("executorName", "executorPhone"), assertThrows(EservicesException.class,
                () -> setup.appeals().assign(setup.clerk, id, 1, " ", null)).fieldErrors().keySet());
        assertEquals(Reason.CONFLICT, assertThrows(EservicesException.class,
                () -> setup.appeals().close(setup.clerk, id, 1)).reason(), "not answered yet");
        assertThrows(EditConflictException.class, () -> setup.appeals().answer(setup.clerk, id, 0, "Застаріла форма"));

        Appeal answered = setup.appeals().answer(setup.clerk, id, 1, "Ліхтар замінено 12 числа.");
        assertEquals(AppealStatus.ANSWERED, answered.status());
        assertTrue(AppealFixture.mailTo(setup, "olena@example.org", 3).stream()
                .anyMatch(m -> AppealFixture.text(m).contains("Ліхтар замінено 12 числа.")));
        assertEquals(Reason.CONFLICT, assertThrows(EservicesException.class,
                () -> setup.appeals().assign(setup.clerk, id, 2, "Інший", "0532 000000")).reason());
        Appeal closed = setup.appeals().close(setup.clerk, id, 2);
        assertEquals(AppealStatus.CLOSED, closed.status());

        List<AppealStep> journal = setup.appeals().journal(setup.clerk, id);
        List<String> actions = journal.stream().map(AppealStep::action).filter(a -> !a.equals("MAILED")).toList();
        assertEquals(List.of("REGISTERED", "ROUTED", "ASSIGNED", "ANSWERED", "CLOSED"), actions);
        AppealStep assignStep = journal.stream().filter(s -> s.action().equals("ASSIGNED")).findFirst().orElseThrow();
        assertEquals("Ірина Виконавиця", assignStep.actor());
        assertEquals("Іван Майстренко, тел. +380 532 56-00-11", assignStep.details());
        List<String> audited = setup.audit().entries().stream().filter(e -> e.entityType().equals("appeal"))
                .map(AuditLog.AuditEntry::action).toList();
        assertEquals(List.of("register", "assign", "answer", "close"), audited);
        assertEquals("clerk", setup.audit().entries().get(setup.audit().entries().size() - 1).actor());
    }

    @Test
    void overdueIsCountedAgainstTheCommunitysTodayAndStatisticsGroupByMonthTopicAndUnit() {
        String late = resident.submit("osvitlennia", "a@example.org", true).number();    // 5 working days
        String onTime = resident.submit("osvitlennia", "b@example.org", true).number();
        String other = resident.submit("transport", "c@example.org", true).number();     // 15 working days
        LocalDate received = setup.settings().today();
        setup.appeals().answer(setup.manager, id(onTime), 0, "Відремонтовано.");
        setup.clock().advance(Duration.ofDays(9)); // past 5 working days, within 15
        Appeal overdue = setup.appeals().get(setup.manager, id(late));
        assertTrue(overdue.overdue());
        assertFalse(setup.appeals().get(setup.manager, id(other)).overdue());
        assertEquals(List.of(late), setup.appeals().find(setup.manager, new AppealQuery(null, null, null, null, true, 0, 10))
                .stream().map(AppealSummary::number).toList());
        setup.appeals().answer(setup.manager, id(late), 0, "Із запізненням, але зроблено.");
        assertFalse(setup.appeals().get(setup.manager, id(late)).overdue(), "answered: the deadline no longer runs");

        List<AppealStatistics> stats = setup.appeals().statistics(setup.manager, received.minusDays(1), received.plusDays(1));
        String month = received.toString().substring(0, 7);
        assertEquals(List.of(new AppealStatistics(month, "Вуличне освітлення", "Управління житлово-комунального господарства",
                2, 2, 1, 0), new AppealStatistics(month, "Громадський транспорт", "Управління транспорту і зв’язку", 1, 0, 0, 0)),
                stats);
        assertEquals(List.of(), setup.appeals().statistics(setup.clerk, received, received), "not his units");
        assertEquals(Reason.INVALID, assertThrows(EservicesException.class,
                () -> setup.appeals().statistics(setup.manager, received, received.minusDays(1))).reason());
    }
}
