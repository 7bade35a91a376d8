package ua.hromada.crm.service.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CaseDocument;
import ua.hromada.crm.api.CaseQuery;
import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.CaseStep;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.EditConflictException;

/** Opening cases on a real PostgreSQL: deadlines, checklists, numbers, who sees what, the list's filters. */
class CasesImplTest {
    @AutoClose
    private final CrmTestSetup setup = new CrmTestSetup();
    private final CaseFixture fixture = new CaseFixture(setup);
    private final PortalUser otherUnit = CrmTestSetup.user(5, "other", "Інший Виконавець", Set.of("budivelnyi"),
            CrmPermissions.BACK_OFFICE);

    @Test
    void theDeadlineCountsWorkingDaysInKyivOverWeekendsAndConfiguredHolidays() {
        ServiceCard card = fixture.landCard(FeeKind.FREE, 3);
        CasesImpl cases = setup.cases(setup.caseSettings(Map.of("holidays", "2027-05-03, 2027-05-04")));
        // Thursday 29 April 2027, 10:00: Fri 30, (Sat, Sun, Mon 3 and Tue 4 holidays), Wed 5, Thu 6
        fixture.at(LocalDate.of(2027, 4, 29), LocalTime.of(10, 0));
        ServiceCase thursday = cases.open(setup.administrator, CaseFixture.draft(fixture.person("Коваленко"), card, false, false));
        assertEquals(LocalDate.of(2027, 5, 6), thursday.deadline());
        // 00:30 in Kyiv is still Thursday in UTC: the community's day (Friday) counts, so Wed 5, Thu 6, Fri 7
        fixture.at(LocalDate.of(2027, 4, 30), LocalTime.of(0, 30));
        ServiceCase friday = cases.open(setup.administrator, CaseFixture.draft(fixture.person("Шевченко"), card, false, false));
        assertEquals(LocalDate.of(2027, 5, 7), friday.deadline());
        // without the holidays the same Thursday gives Fri 30, Mon 3, Tue 4
        fixture.at(LocalDate.of(2027, 4, 29), LocalTime.of(10, 0));
        assertEquals(LocalDate.of(2027, 5, 4), fixture.open(card, "Бондар").deadline());
    }

    @Test
    void theChecklistIsTheCardVersionsDocumentsForTheApplicantsKindAndProxy() {
        ServiceCard card = fixture.landCard(FeeKind.AMOUNT, 10);
        ServiceCase person = setup.cases().open(setup.administrator,
                CaseFixture.draft(fixture.person("Коваленко"), card, false, false));
        assertEquals(List.of("Заява встановленого зразка", "Паспорт громадянина України", "Квитанція про сплату"),
                person.documents().stream().map(CaseDocument::name).toList());
        assertEquals(List.of(1, 2, 3), person.documents().stream().map(CaseDocument::position).toList());
        assertFalse(person.feePaid(), "a paid service is not paid until the desk says so");
        assertEquals(card.cardVersion(), person.cardVersion());
        assertEquals("admin1", person.administrator());
        assertEquals("Марія Адміністраторка", person.administratorName(), "kept as the portal showed it at opening");

        ServiceCase company = setup.cases().open(setup.administrator,
                CaseFixture.draft(fixture.organisation("ТОВ «Полтава-Агро»"), card, true, true));
        assertEquals(List.of("Заява встановленого зразка", "Виписка з ЄДР", "Довіреність представника",
                "Квитанція про сплату"), company.documents().stream().map(CaseDocument::name).toList());
        assertEquals("ТОВ «Полтава-Агро»", company.applicantName());
        assertTrue(company.feePaid());

        ServiceCase free = fixture.open(fixture.landCard(FeeKind.FREE, 10), "Бондар");
        assertTrue(setup.cases().open(setup.administrator, CaseFixture.draft(fixture.person("Мельник"),
                fixture.landCard(FeeKind.FREE, 5), false, false)).feePaid(), "a free service is always paid");
        assertTrue(free.feePaid());

        // a later version of the card changes nothing in the opened case
        setup.cards().save(setup.head, new ServiceCard(card.id(), card.nationalId(), card.localCode(), card.name(),
                card.providerKind(), card.provider(), card.providerRole(), card.legalBasis(), card.legalActId(),
                card.feeKind(), card.feeAmount(), card.feeFormula(), card.termDays(), card.result(),
                card.refusalGrounds(), card.channels(), card.queueGroup(), CaseFixture.DOCUMENTS.subList(0, 1), true,
                card.cardVersion(), card.version()));
        ServiceCase again = setup.cases().get(setup.administrator, person.id()).orElseThrow();
        assertEquals(3, again.documents().size());
        assertEquals(card.cardVersion(), again.cardVersion());
        assertEquals(card.cardVersion() + 1, fixture.open(setup.cards().get(setup.head, card.id()).orElseThrow(),
                "Новий").cardVersion());
    }

    @Test
    void numbersRunPerYearAndRefusalsNameTheFields() {
        ServiceCard card = fixture.landCard(FeeKind.FREE, 5);
        fixture.at(LocalDate.of(2027, 12, 31), LocalTime.of(12, 0));
        assertEquals("2027-1", fixture.open(card, "Перший").number());
        assertEquals("2027-2", fixture.open(card, "Другий").number());
        fixture.at(LocalDate.of(2028, 1, 3), LocalTime.of(9, 0));
        assertEquals("2028-1", fixture.open(card, "Третій").number());

        CrmException e = assertThrows(CrmException.class, () -> setup.cases().open(setup.administrator,
                new ua.hromada.crm.api.CaseDraft(0, 0, null, "", "", false, false)));
        assertEquals(Map.of("applicant", "crm.case.error.applicant", "card", "crm.case.error.card"), e.fieldErrors());
    }

    @Test
    void theBackOfficeSeesOnlyItsRolesHandedOverCasesTheHeadAllAStrangerNothing() {
        ServiceCard card = fixture.landCard(FeeKind.FREE, 5);
        ServiceCase registered = fixture.open(card, "Коваленко");
        ServiceCase opened = fixture.open(card, "Шевченко");
        ServiceCase handed = setup.cases().handOver(setup.administrator, opened.id(), opened.version());

        assertEquals(List.of(handed.id()), ids(setup.cases().find(setup.executor, CaseQuery.all(), 0, 50)));
        assertTrue(setup.cases().get(setup.executor, registered.id()).isEmpty(), "not handed over yet");
        assertEquals("zemelnyi", setup.cases().get(setup.executor, handed.id()).orElseThrow().backOfficeRole());
        assertEquals(List.of(), setup.cases().find(otherUnit, CaseQuery.all(), 0, 50));
        assertTrue(setup.cases().get(otherUnit, handed.id()).isEmpty());
        assertEquals(2, setup.cases().count(setup.head, CaseQuery.all()));
        assertEquals(2, setup.cases().count(setup.administrator, CaseQuery.all()));

        for (Runnable refused : List.<Runnable>of(
                () -> setup.cases().find(setup.stranger, CaseQuery.all(), 0, 10),
                () -> setup.cases().get(setup.stranger, handed.id()),
                () -> setup.cases().journal(setup.stranger, handed.id()),
                () -> setup.cases().open(setup.executor, CaseFixture.draft(fixture.person("Ні"), card, false, true)),
                () -> setup.cases().open(setup.head, CaseFixture.draft(fixture.person("Ні"), card, false, true)))) {
            CrmException e = assertThrows(CrmException.class, refused::run);
            assertEquals(Reason.FORBIDDEN, e.reason());
        }
        assertEquals(Reason.NOT_FOUND, assertThrows(CrmException.class,
                () -> setup.cases().journal(otherUnit, handed.id())).reason());
    }

    @Test
    void theListFiltersByStatusOverdueServiceTextAndInboxWithPaging() {
        ServiceCard land = fixture.landCard(FeeKind.FREE, 2);
        ServiceCard other = fixture.card("Видача довідки про склад сім’ї", ua.hromada.crm.api.ProviderKind.COUNCIL_UNIT,
                "Відділ реєстрації", "reiestratsiia", FeeKind.FREE, 10);
        fixture.at(LocalDate.of(2027, 3, 1), LocalTime.of(10, 0));
        ServiceCase a = fixture.open(land, "Коваленко");
        ServiceCase b = fixture.open(land, "Шевченко");
        ServiceCase c = fixture.open(other, "Бондаренко");
        b = setup.cases().handOver(setup.administrator, b.id(), b.version());

        assertEquals(List.of(c.id(), b.id(), a.id()), ids(setup.cases().find(setup.administrator, CaseQuery.all(), 0, 10)));
        assertEquals(List.of(c.id(), b.id()), ids(setup.cases().find(setup.administrator, CaseQuery.all(), 0, 2)));
        assertEquals(List.of(a.id()), ids(setup.cases().find(setup.administrator, CaseQuery.all(), 2, 2)));
        assertEquals(List.of(b.id()), ids(setup.cases().find(setup.administrator,
                new CaseQuery(CaseStatus.IN_BACK_OFFICE, false, 0, "", false), 0, 10)));
        assertEquals(List.of(c.id()), ids(setup.cases().find(setup.administrator,
                new CaseQuery(null, false, other.id(), "", false), 0, 10)));
        assertEquals(List.of(a.id()), ids(setup.cases().find(setup.administrator,
                new CaseQuery(null, false, 0, "ковален", false), 0, 10)));
        assertEquals(List.of(c.id()), ids(setup.cases().find(setup.administrator,
                new CaseQuery(null, false, 0, "склад сім", false), 0, 10)));
        assertEquals(List.of(b.id()), ids(setup.cases().find(setup.administrator,
                new CaseQuery(null, false, 0, b.number(), false), 0, 10)));
        // the count of a text alone reads case_search (V6), with another filter or for the back office the cases
        assertEquals(1, setup.cases().count(setup.administrator, new CaseQuery(null, false, 0, "ковален", false)));
        assertEquals(1, setup.cases().count(setup.administrator, new CaseQuery(null, false, 0, "склад сім", false)));
        assertEquals(1, setup.cases().count(setup.administrator, new CaseQuery(null, false, 0, b.number(), false)));
        assertEquals(3, setup.cases().count(setup.head, new CaseQuery(null, false, 0, "2027-", false)));
        assertEquals(0, setup.cases().count(setup.administrator, new CaseQuery(null, false, 0, "Мельник", false)));
        assertEquals(1, setup.cases().count(setup.administrator,
                new CaseQuery(CaseStatus.IN_BACK_OFFICE, false, 0, "2027-", false)));
        assertEquals(1, setup.cases().count(setup.executor, new CaseQuery(null, false, 0, "2027-", false)));
        assertEquals(0, setup.cases().count(setup.executor, new CaseQuery(null, false, 0, "Коваленко", false)));
        assertEquals(0, setup.cases().count(setup.administrator, new CaseQuery(null, true, 0, "", false)));
        // a list's count: exact up to its limit, the limit + 1 beyond it — by the text alone and otherwise
        CaseQuery year = new CaseQuery(null, false, 0, "2027-", false);
        assertEquals(3, setup.cases().countUpTo(setup.head, year, 3));
        assertEquals(3, setup.cases().countUpTo(setup.head, year, 2), "more than 2");
        assertEquals(2, setup.cases().countUpTo(setup.head, year, 1), "more than 1");
        assertEquals(3, setup.cases().countUpTo(setup.administrator, CaseQuery.all(), 5));
        assertEquals(2, setup.cases().countUpTo(setup.administrator, CaseQuery.all(), 1));
        assertEquals(1, setup.cases().countUpTo(setup.executor, year, 1));
        assertEquals(0, setup.cases().countUpTo(setup.administrator, new CaseQuery(null, false, 0, "Мельник", false), 1));
        // the land cases' two working days end on Wednesday 3 March; on Thursday they are overdue
        fixture.at(LocalDate.of(2027, 3, 4), LocalTime.of(9, 0));
        assertEquals(List.of(b.id(), a.id()), ids(setup.cases().find(setup.administrator,
                new CaseQuery(null, true, 0, "", false), 0, 10)));
        assertEquals(List.of(b.id()), ids(setup.cases().find(setup.executor, new CaseQuery(null, false, 0, "", true), 0, 10)));
        assertEquals(0, setup.cases().count(setup.administrator, new CaseQuery(null, false, 0, "", true)),
                "the administrator has no back-office role: the inbox is empty");
    }

    @Test
    void aStaleFormIsRefusedAndEveryChangeIsJournalled() {
        ServiceCase v = fixture.open(fixture.landCard(FeeKind.AMOUNT, 5), "Коваленко");
        CaseDocument passport = v.documents().get(1);
        ServiceCase received = setup.cases().markReceived(setup.administrator, v.id(), passport.id(), true, v.version());
        assertTrue(received.documents().get(1).received());
        assertThrows(EditConflictException.class,
                () -> setup.cases().markReceived(setup.administrator, v.id(), passport.id(), false, v.version()));
        ServiceCase paid = setup.cases().markFeePaid(setup.administrator, v.id(), true, received.version());
        assertTrue(paid.feePaid());
        List<CaseStep> journal = setup.cases().journal(setup.administrator, v.id());
        assertEquals(List.of("registered", "document-received", "fee"), journal.stream().map(CaseStep::action).toList());
        assertTrue(journal.get(0).detail().startsWith("Справу зареєстровано: послуга «Надання витягу"), journal.get(0).detail());
        assertEquals("Документ «Паспорт громадянина України» отримано", journal.get(1).detail());
        assertEquals("admin1", journal.get(1).user());
        setup.cases().record(setup.administrator, v.id(), "note", "Заявник попросив телефонувати після 14:00");
        assertEquals("Заявник попросив телефонувати після 14:00",
                setup.cases().journal(setup.head, v.id()).get(3).detail());
        assertEquals(4, setup.audit().entries().stream().filter(e -> e.entityId().equals(v.number())).count());
    }

    private static List<Long> ids(List<ServiceCase> cases) {
        return cases.stream().map(ServiceCase::id).toList();
    }
}
