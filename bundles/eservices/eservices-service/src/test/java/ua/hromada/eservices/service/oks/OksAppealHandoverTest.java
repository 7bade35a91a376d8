package ua.hromada.eservices.service.oks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealForm;
import ua.hromada.eservices.api.AppealQuery;
import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.eservices.api.AppealStep;
import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.FormTicket;
import ua.hromada.eservices.api.Receipt;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.service.OksTestSetup;

/**
 * The hand-over to OKS against the real OKS service (OksTestSetup from oks-service's test-jar, its own
 * throw-away database): no test double, OKS is present in this build.
 */
class OksAppealHandoverTest {
    private static final String ADDRESS = "192.0.2.20";
    private EservicesTestSetup setup;
    private OksTestSetup oks;

    @BeforeEach
    void setUp() {
        setup = new EservicesTestSetup();
        setup.shipTopics();
        oks = new OksTestSetup();
    }

    @AfterEach
    void tearDown() {
        oks.close();
        setup.close();
    }

    private Receipt submit(String topic, Double lat, Double lon, String email) {
        AppealTopic t = setup.topics().all().stream().filter(x -> x.code().equals(topic)).findFirst().orElseThrow();
        FormTicket ticket = setup.intake().openForm(ADDRESS);
        setup.clock().advance(Duration.ofSeconds(10));
        return setup.intake().submit(new AppealForm(ticket.token(), String.valueOf(ticket.left() + ticket.right()),
                t.id(), "Стихійне звалище будівельного сміття за гаражами", lat, lon, List.of(), "Петро Коваль", email,
                "+380 67 000 11 22", true, true), ADDRESS);
    }

    private Appeal appeal(Receipt receipt) {
        long id = setup.appeals().find(setup.manager, new AppealQuery(null, null, null, receipt.number(), false, 0, 5))
                .get(0).id();
        return setup.appeals().get(setup.manager, id);
    }

    @Test
    void aBreachWithAPlaceBecomesAnOksReportAndTheLinkIsKept() {
        setup.handovers().addHandover(new OksAppealHandover(oks.violations(), oks.catalog()));
        Receipt receipt = submit("porushennia", OksTestSetup.LAT, OksTestSetup.LON, "petro@example.org");
        Appeal appeal = appeal(receipt);
        assertEquals(AppealStatus.HANDED_OVER, appeal.status());
        assertEquals("oks", appeal.handedOverTo());
        assertEquals("oks/violation/" + appeal.handoverReference(), appeal.handoverRoute());
        Violation violation = oks.violations().findPublic(Long.parseLong(appeal.handoverReference())).orElseThrow();
        assertEquals("improvement", violation.type().code());
        assertTrue(violation.description().startsWith("Звернення № " + receipt.number() + " (Порушення правил благоустрою): "),
                violation.description());
        assertEquals("petro@example.org", violation.reporter().email());
        assertEquals("Петро Коваль", violation.reporter().firstName());
        List<String> actions = setup.appeals().journal(setup.manager, appeal.id()).stream().map(AppealStep::action).toList();
        assertEquals(List.of("REGISTERED", "ROUTED", "HANDED_OVER"), actions.subList(0, 3));
        assertTrue(setup.audit().entries().stream().anyMatch(e -> e.action().equals("handover")));
    }

    @Test
    void withoutAPlaceOrWithoutOksTheUnitKeepsTheAppealAndTheJournalSaysWhy() {
        // OKS absent: nothing registered there
        Appeal absent = appeal(submit("porushennia", OksTestSetup.LAT, OksTestSetup.LON, "a@example.org"));
        assertEquals(AppealStatus.REGISTERED, absent.status());
        assertNull(absent.handedOverTo());
        AppealStep why = setup.appeals().journal(setup.manager, absent.id()).get(2);
        assertEquals("HANDOVER_FAILED", why.action());
        assertEquals("Модуль «oks» не встановлено: звернення розглядає підрозділ", why.details());

        // OKS present but the appeal has no place: OKS needs one
        setup.handovers().addHandover(new OksAppealHandover(oks.violations(), oks.catalog()));
        Appeal noPlace = appeal(submit("porushennia", null, null, "b@example.org"));
        assertEquals(AppealStatus.REGISTERED, noPlace.status());
        assertEquals("Модуль «oks» не прийняв звернення (До ОКС передаються лише звернення з місцем на мапі):"
                + " його розглядає підрозділ", setup.appeals().journal(setup.manager, noPlace.id()).get(2).details());
        // OKS refuses a place outside the community: its refusal is journalled, the appeal stays
        Appeal outside = appeal(submit("porushennia", 50.45, 30.52, "c@example.org"));
        assertEquals(AppealStatus.REGISTERED, outside.status());
        assertTrue(setup.appeals().journal(setup.manager, outside.id()).get(2).details().contains("oks.error.locationOutside"));
        // a topic without hand-over is never handed over
        Appeal plain = appeal(submit("blagoustrii", OksTestSetup.LAT, OksTestSetup.LON, "d@example.org"));
        assertEquals(List.of("REGISTERED", "ROUTED"), setup.appeals().journal(setup.manager, plain.id()).stream()
                .map(AppealStep::action).filter(a -> !a.equals("MAILED")).toList());
    }
}
