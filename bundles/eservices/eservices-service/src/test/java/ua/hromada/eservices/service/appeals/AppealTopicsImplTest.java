package ua.hromada.eservices.service.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealHandover;
import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.Unit;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.jdbc.EditConflictException;

class AppealTopicsImplTest {
    @AutoClose
    private final EservicesTestSetup setup = new EservicesTestSetup();

    @Test
    void eachCommunityGetsTheShippedTopicsRoutedToShippedUnitsOnce() {
        setup.communities().add("lubny", "lubny.example");
        setup.shipTopics();
        setup.shipTopics(); // a second time writes nothing
        List<AppealTopic> topics = setup.topics().all();
        assertEquals(List.of("blagoustrii", "osvitlennia", "dorohy", "zhkg", "transport", "porushennia", "posluhy", "inshe"),
                topics.stream().map(AppealTopic::code).toList());
        AppealTopic breaches = topics.get(5);
        assertEquals("Порушення правил благоустрою", breaches.name());
        assertEquals("oks", breaches.handover());
        Unit control = setup.units().find(breaches.unitId()).orElseThrow();
        assertEquals("Управління контролю за благоустроєм", control.name());
        assertEquals("kontrol", control.role());
        assertEquals(5, setup.units().all().size());
        assertEquals(List.of(), setup.communities().callAs("lubny", () -> setup.topics().all()));
        setup.communities().runAs("lubny", setup::shipTopics);
        assertEquals(8, setup.communities().callAs("lubny", () -> setup.topics().active()).size());
        assertEquals(8, setup.topics().all().size());
    }

    @Test
    void savesRoutingWithItsRulesVersionAndAudit() {
        setup.shipTopics();
        long unit = setup.units().all().get(0).id();
        AppealTopic created = setup.topics().save(setup.manager, new AppealTopic(0, " parkuvannia ", "Паркування",
                "Автомобілі на газонах і тротуарах", unit, 7, "", true, 95, 0));
        assertEquals("parkuvannia", created.code());
        assertEquals("create", setup.audit().entries().get(setup.audit().entries().size() - 1).action());

        EservicesException invalid = assertThrows(EservicesException.class, () -> setup.topics().save(setup.manager,
                new AppealTopic(0, "x", " ", null, 999_999, 0, "gis", true, 1, 0)));
        assertEquals(Set.of("code", "name", "unitId", "deadlineDays", "handover"), invalid.fieldErrors().keySet());
        assertEquals(Reason.CONFLICT, assertThrows(EservicesException.class, () -> setup.topics().save(setup.manager,
                new AppealTopic(0, "INSHE", "Ще інше", null, unit, 5, "", true, 1, 0))).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(EservicesException.class, () -> setup.topics().save(setup.clerk,
                created)).reason());

        // a hand-over target must be present to be chosen; the shipped "oks" stays while OKS is absent
        AppealTopic breaches = setup.topics().all().stream().filter(t -> t.code().equals("porushennia")).findFirst()
                .orElseThrow();
        AppealTopic longer = setup.topics().save(setup.manager, new AppealTopic(breaches.id(), breaches.code(),
                breaches.name(), breaches.description(), breaches.unitId(), 12, "oks", true, breaches.position(),
                breaches.version()));
        assertEquals(12, longer.deadlineDays());
        assertTrue(setup.audit().entries().get(setup.audit().entries().size() - 1).changes().contains("12"));
        AppealTopic toOks = new AppealTopic(created.id(), created.code(), created.name(), created.description(), unit, 7,
                "oks", true, 95, created.version());
        assertEquals(Map.of("handover", "eservices.appeal.topic.error.handover"),
                assertThrows(EservicesException.class, () -> setup.topics().save(setup.manager, toOks)).fieldErrors());
        setup.handovers().addHandover(new AppealHandover() {
            @Override
            public String target() {
                return "oks";
            }

            @Override
            public Handover handOver(Appeal appeal) {
                throw new UnsupportedOperationException("not asked here");
            }
        });
        assertEquals("oks", setup.topics().save(setup.manager, toOks).handover());
        // the form loaded before that save is outdated
        assertThrows(EditConflictException.class, () -> setup.topics().save(setup.manager, toOks));
    }
}
