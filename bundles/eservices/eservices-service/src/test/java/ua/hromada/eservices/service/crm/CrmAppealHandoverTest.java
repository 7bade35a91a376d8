package ua.hromada.eservices.service.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.CaseSource;
import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.CaseStep;
import ua.hromada.crm.api.Channel;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.IdentityDocumentType;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.crm.service.routing.RoutingImpl;
import ua.hromada.crm.service.routing.RoutingSettings;
import ua.hromada.crm.verification.LuceneRequestClassifier;
import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealForm;
import ua.hromada.eservices.api.AppealQuery;
import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.eservices.api.AppealStep;
import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.FormTicket;
import ua.hromada.eservices.api.Receipt;
import ua.hromada.eservices.service.EservicesTestSetup;

/**
 * The hand-over to the ЦНАП CRM against its real services (CrmTestSetup from crm-service's test-jar,
 * its own throw-away database) and its real routing (the Lucene classifier trained on the shipped
 * seed): no test double, the CRM is present in this build.
 */
class CrmAppealHandoverTest {
    private static final String ADDRESS = "192.0.2.30";
    private static final String REGISTRATION = "Реєстрація місця проживання особи";
    private EservicesTestSetup setup;
    private CrmTestSetup crm;
    private RoutingImpl routing;
    private ServiceCard registration;
    private Applicant petro;

    @BeforeEach
    void setUp() {
        setup = new EservicesTestSetup();
        setup.shipTopics();
        crm = new CrmTestSetup();
        routing = crm.routing(new LuceneRequestClassifier(LuceneRequestClassifier.Method.NAIVE_BAYES),
                new RoutingSettings(0.6, 20, Duration.ofDays(1)));
        // the local codes of the shipped cards: the routing's seed knows them
        registration = card("RM-01", REGISTRATION, "reiestratsiia");
        card("SZ-01", "Призначення житлової субсидії", "sotszakhyst");
        card("BL-01", "Видача ордера на видалення зелених насаджень", "blahoustrii");
        petro = crm.applicants().save(crm.administrator, new Applicant(0, ApplicantKind.PERSON, "Коваль", "Петро",
                "Іванович", LocalDate.of(1979, 6, 2), "", IdentityDocumentType.PASSPORT_BOOK, "КН123456", null, "", "",
                "", "+380 67 000 11 22", "petro@example.org", "м. Полтава", 0));
    }

    @AfterEach
    void tearDown() {
        crm.close(); // the classifier's analyzer is closed by its component's deactivation only: left to the GC
        setup.close();
    }

    private ServiceCard card(String code, String name, String role) {
        return crm.cards().save(crm.head, new ServiceCard(0, "", code, name, ProviderKind.COUNCIL_UNIT, "Відділ", role,
                "Закон України", "", FeeKind.FREE, null, "", 10, "Рішення", "Неповний пакет документів",
                Set.of(Channel.IN_PERSON, Channel.EMAIL), "", List.of(new RequiredDocument("Заява", DocumentKind.OTHER,
                        DocumentCondition.ALWAYS, true)), true, 0, 0));
    }

    /** The shipped topic «Адміністративні послуги» set to hand its appeals over to the CRM. */
    private void servicesTopicToCrm() {
        AppealTopic t = topic();
        setup.topics().save(setup.manager, new AppealTopic(t.id(), t.code(), t.name(), t.description(), t.unitId(),
                t.deadlineDays(), "crm", t.active(), t.position(), t.version()));
    }

    private AppealTopic topic() {
        return setup.topics().all().stream().filter(x -> x.code().equals("posluhy")).findFirst().orElseThrow();
    }

    private Appeal submit(String text, String name, String email, String phone) {
        FormTicket ticket = setup.intake().openForm(ADDRESS);
        setup.clock().advance(Duration.ofSeconds(10));
        Receipt receipt = setup.intake().submit(new AppealForm(ticket.token(),
                String.valueOf(ticket.left() + ticket.right()), topic().id(), text, null, null, List.of(), name, email,
                phone, false, true), ADDRESS);
        long id = setup.appeals().find(setup.manager, new AppealQuery(null, null, null, receipt.number(), false, 0, 5))
                .get(0).id();
        return setup.appeals().get(setup.manager, id);
    }

    private String handoverDetails(Appeal appeal) {
        return setup.appeals().journal(setup.manager, appeal.id()).stream()
                .filter(s -> s.action().startsWith("HANDOVER") || s.action().equals("HANDED_OVER")).findFirst()
                .map(AppealStep::details).orElseThrow();
    }

    @Test
    void aKnownApplicantsRequestBecomesACaseUnderTheConfidentlyRoutedCard() {
        setup.handovers().addHandover(new CrmAppealHandover(crm.cases(), crm.applicants(), routing));
        servicesTopicToCrm();
        String text = "Хочу зареєструвати місце проживання дитини за новою адресою";
        Appeal appeal = submit(text, "Петро Коваль", "Petro@Example.org", "");
        assertEquals(AppealStatus.HANDED_OVER, appeal.status());
        assertEquals("crm", appeal.handedOverTo());
        ServiceCase opened = crm.cases().find(crm.head, ua.hromada.crm.api.CaseQuery.all(), 0, 10).get(0);
        assertEquals(opened.number(), appeal.handoverReference());
        assertEquals("tsnap/sprava/" + opened.id(), appeal.handoverRoute());
        assertEquals("crm: " + opened.number(), handoverDetails(appeal));

        ServiceCase c = crm.cases().get(crm.head, opened.id()).orElseThrow();
        assertEquals(CaseSource.E_APPEAL, c.source());
        assertEquals(appeal.number(), c.appealNumber());
        assertEquals(text, c.request());
        assertEquals(registration.id(), c.cardId());
        assertEquals(petro.id(), c.applicantId());
        assertEquals(CaseStatus.REGISTERED, c.status());
        assertEquals(CrmAppealHandover.USERNAME, c.administrator(), "registered by the portal's e-appeals, not a person");
        assertEquals("Електронні звернення порталу", c.administratorName(), "what the papers print");
        List<CaseStep> journal = crm.cases().journal(crm.head, c.id());
        assertEquals(List.of("registered", "routed"), journal.stream().map(CaseStep::action).toList());
        assertTrue(journal.get(0).detail().contains(appeal.number()), journal.get(0).detail());
        assertTrue(journal.get(1).detail().matches("Послугу «" + REGISTRATION + "» визначено автоматично за текстом"
                + " е-звернення № " + appeal.number() + " \\(тема «Адміністративні послуги»\\), впевненість \\d+ %"),
                journal.get(1).detail());

        // the phone alone identifies him too, whatever its spelling, with the patronymic in the name
        Appeal byPhone = submit("Прошу зареєструвати моє місце проживання, переїхав у новий будинок",
                "Коваль Петро Іванович", "p.koval@example.com", "0670001122");
        assertEquals(AppealStatus.HANDED_OVER, byPhone.status(), handoverDetails(byPhone));
        assertEquals(petro.id(), crm.cases().find(crm.head, ua.hromada.crm.api.CaseQuery.all(), 0, 10).get(0)
                .applicantId());
    }

    @Test
    void theTopicNamesTheCrmOnlyWhenItIsInstalled() {
        EservicesException absent = assertThrows(EservicesException.class, this::servicesTopicToCrm);
        assertEquals("eservices.appeal.topic.error.handover", absent.fieldErrors().get("handover"));
        setup.handovers().addHandover(new CrmAppealHandover(crm.cases(), crm.applicants(), routing));
        servicesTopicToCrm();
        assertEquals("crm", topic().handover());
    }

    @Test
    void aStrangerANamesakeAnUncertainServiceOrNoRoutingLeaveTheAppealWithItsUnitSayingWhy() {
        CrmAppealHandover handover = new CrmAppealHandover(crm.cases(), crm.applicants(), routing);
        setup.handovers().addHandover(handover);
        servicesTopicToCrm();
        String request = "Хочу зареєструвати місце проживання дитини";

        Appeal stranger = submit(request, "Олена Бондар", "olena@example.org", "+380 50 111 22 33");
        assertEquals(AppealStatus.REGISTERED, stranger.status());
        assertNull(stranger.handedOverTo());
        assertEquals("Модуль «crm» не прийняв звернення (Заявника «Олена Бондар» з цією e-поштою чи телефоном немає"
                + " серед зареєстрованих у ЦНАП; за зверненням його не зареєструвати — потрібні дата народження й"
                + " документ, що посвідчує особу): його розглядає підрозділ", handoverDetails(stranger));

        // his name, but neither his e-mail nor his phone: not him
        Appeal namesake = submit(request, "Петро Коваль", "another.petro@example.org", "+380 93 555 66 77");
        assertEquals(AppealStatus.REGISTERED, namesake.status());
        assertTrue(handoverDetails(namesake).contains("Заявника «Петро Коваль» з цією e-поштою"), handoverDetails(namesake));

        Appeal concert = submit("Квиток на концерт у філармонії", "Петро Коваль", "petro@example.org", "");
        assertEquals(AppealStatus.REGISTERED, concert.status());
        assertTrue(handoverDetails(concert).matches("Модуль «crm» не прийняв звернення \\(Послугу ЦНАП не визначено"
                + " впевнено \\(найближча — «.+», \\d+ %\\): послугу має обрати працівник\\): його розглядає підрозділ"),
                handoverDetails(concert));
        assertEquals(0, crm.cases().count(crm.head, ua.hromada.crm.api.CaseQuery.all()), "no case for a guess");

        setup.handovers().removeHandover(handover);
        setup.handovers().addHandover(new CrmAppealHandover(crm.cases(), crm.applicants(), null));
        Appeal noRouting = submit(request, "Петро Коваль", "petro@example.org", "");
        assertEquals(AppealStatus.REGISTERED, noRouting.status());
        assertEquals("Модуль «crm» не прийняв звернення (Автоматичну маршрутизацію ЦНАП не встановлено: послугу має"
                + " обрати працівник): його розглядає підрозділ", handoverDetails(noRouting));
    }

    @Test
    void aNameMatchesByItsWordsAndAPhoneByItsLastNineDigits() {
        assertEquals(Set.of("коваль", "петро", "о’браєн"), AppealApplicant.words(" Коваль, Петро  О'Браєн."));
        assertTrue(AppealApplicant.samePhone("+380 67 000 11 22", "(067) 000-11-22"));
        assertTrue(!AppealApplicant.samePhone("+380 67 000 11 22", "+380 50 000 11 22"));
        assertTrue(!AppealApplicant.samePhone("", "11 22"));
    }
}
