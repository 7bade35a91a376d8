package ua.hromada.eservices.service.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.Audience;
import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.LifeSituation;
import ua.hromada.eservices.api.ServiceCategory;
import ua.hromada.eservices.api.ServiceQuery;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.eservices.api.Unit;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.jdbc.EditConflictException;

/** The catalogue's rules, listings, order and audit on real PostgreSQL. */
class ServiceCatalogueTest {
    private final EservicesTestSetup setup = new EservicesTestSetup();
    private final ServiceCatalogueImpl catalogue = setup.catalogue();

    @AfterEach
    void close() {
        setup.close();
    }

    private EService save(String code, String name) {
        return catalogue.save(setup.editor, EService.create(code, name, "Опис " + name, "https://example.org/" + code));
    }

    @Test
    void savesWithItsReferencesAuditsAndUpdatesUnderItsVersion() {
        ServiceCategory education = catalogue.saveCategory(setup.editor, ServiceCategory.create("education", "Освіта", 1));
        LifeSituation child = catalogue.saveSituation(setup.editor, LifeSituation.create("child", "Народження дитини", 1));
        Unit unit = setup.units().save(setup.manager, Unit.create("osvita", "Управління освіти", null, "osvita@example.org", null));
        EService saved = catalogue.save(setup.editor, EService.create(" kindergarten ", "Запис до садочка", null,
                "https://reg.isuo.org/").withCategory(education.id()).withSituations(List.of(child.id(), child.id()))
                .withUnit(unit.id()).withAudience(Audience.RESIDENTS));
        assertEquals("kindergarten", saved.code());
        assertEquals(List.of(child.id()), saved.situationIds());
        assertEquals(1, saved.position());
        String created = setup.audit().entries().get(setup.audit().entries().size() - 1).changes();
        assertTrue(created.contains("Освіта") && created.contains("Народження дитини") && created.contains("Управління освіти"),
                created);

        EService renamed = catalogue.save(setup.editor, new EService(saved.id(), saved.code(), "Запис до ЗДО",
                saved.description(), saved.url(), saved.categoryId(), List.of(), saved.audience(), saved.provider(),
                saved.unitId(), ServiceStatus.HIDDEN, saved.position(), saved.version(), saved.link()));
        assertEquals(1, renamed.version());
        assertEquals(List.of(), renamed.situationIds());
        var entry = setup.audit().entries().get(setup.audit().entries().size() - 1);
        assertEquals("update", entry.action());
        assertTrue(entry.changes().contains("Запис до ЗДО") && !entry.changes().contains("url"), entry.changes());
        // the form loaded before the rename is outdated: nothing is saved
        assertThrows(EditConflictException.class, () -> catalogue.save(setup.editor, saved));
        assertEquals("Запис до ЗДО", catalogue.find(saved.id()).orElseThrow().name());
    }

    @Test
    void refusesBadFieldsUnknownReferencesTakenCodesAndUsersWithoutTheRight() {
        EservicesException invalid = assertThrows(EservicesException.class, () -> catalogue.save(setup.editor,
                EService.create("x", " ", "d".repeat(1001), "ftp://example.org/file").withAudience(null)));
        assertEquals(List.of("audience", "code", "description", "name", "url"),
                invalid.fieldErrors().keySet().stream().sorted().toList());
        assertEquals("eservices.catalogue.error.url", invalid.fieldErrors().get("url"));
        EservicesException references = assertThrows(EservicesException.class, () -> catalogue.save(setup.editor,
                EService.create("diia", "Дія", null, "https://diia.gov.ua/").withCategory(999L)
                        .withSituations(List.of(998L)).withUnit(997L)));
        assertEquals(List.of("category", "situations", "unit"), references.fieldErrors().keySet().stream().sorted().toList());
        save("diia", "Дія");
        EservicesException taken = assertThrows(EservicesException.class, () -> save("DIIA", "Інша Дія"));
        assertEquals(Reason.CONFLICT, taken.reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(EservicesException.class,
                () -> catalogue.save(setup.clerk, EService.create("pb", "Бюджет", null, "https://pb.e-dem.ua/"))).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(EservicesException.class,
                () -> catalogue.saveCategory(setup.stranger, ServiceCategory.create("x1", "X", 0))).reason());
        assertEquals(1, catalogue.count(ServiceQuery.ALL));
    }

    @Test
    void listsPagesFiltersAndPublishesOnlyActiveServices() {
        ServiceCategory participation = catalogue.saveCategory(setup.editor,
                ServiceCategory.create("participation", "Участь", 1));
        for (int i = 1; i <= 25; i++) {
            EService s = save("s" + i, "Сервіс " + i);
            if (i % 5 == 0) {
                catalogue.save(setup.editor, s.withCategory(participation.id()).withAudience(Audience.BUSINESS)
                        .withStatus(i == 25 ? ServiceStatus.HIDDEN : ServiceStatus.ACTIVE));
            }
        }
        assertEquals(25, catalogue.count(ServiceQuery.ALL));
        List<EService> second = catalogue.list(ServiceQuery.ALL, 10, 10);
        assertEquals(List.of("s11", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20"),
                second.stream().map(EService::code).toList());
        assertEquals(5, catalogue.list(ServiceQuery.ALL, 20, 10).size());
        ServiceQuery inCategory = new ServiceQuery(null, participation.id(), null, null, null, null, null, false);
        assertEquals(5, catalogue.count(inCategory));
        assertEquals(4, catalogue.countPublished(inCategory), "the hidden one is not published");
        assertEquals(24, catalogue.countPublished(ServiceQuery.ALL));
        ServiceQuery residents = new ServiceQuery(null, null, null, Audience.RESIDENTS, null, null, null, false);
        assertEquals(20, catalogue.countPublished(residents));
        // words in any order and case; LIKE's wildcards are taken as typed
        assertEquals(List.of("s12"), catalogue.published(ServiceQuery.text("12 сервіс"), 0, 10).stream()
                .map(EService::code).toList());
        assertEquals(0, catalogue.countPublished(ServiceQuery.text("%")));
        assertEquals(List.of(), catalogue.published(ServiceQuery.text("s25"), 0, 10));
    }

    @Test
    void movesServicesUpAndDownAndDeletesUnderTheVersion() {
        EService a = save("a-1", "А");
        EService b = save("b-1", "Б");
        EService c = save("c-1", "В");
        catalogue.move(setup.editor, c.id(), true);
        assertEquals(List.of("a-1", "c-1", "b-1"), codes());
        catalogue.move(setup.editor, a.id(), true);
        assertEquals(List.of("a-1", "c-1", "b-1"), codes(), "the first one stays first");
        catalogue.move(setup.editor, a.id(), false);
        assertEquals(List.of("c-1", "a-1", "b-1"), codes());
        assertEquals("move", setup.audit().entries().get(setup.audit().entries().size() - 1).action());
        assertThrows(EditConflictException.class, () -> catalogue.delete(setup.editor, b.id(), b.version() + 1));
        catalogue.delete(setup.editor, b.id(), b.version());
        assertEquals(List.of("c-1", "a-1"), codes());
        assertEquals(Reason.NOT_FOUND, assertThrows(EservicesException.class,
                () -> catalogue.delete(setup.editor, b.id(), b.version())).reason());
    }

    private List<String> codes() {
        return catalogue.list(ServiceQuery.ALL, 0, 100).stream().map(EService::code).toList();
    }

    @Test
    void categoriesInUseStayAndLifeSituationsLeaveTheirServices() {
        ServiceCategory cat = catalogue.saveCategory(setup.editor, ServiceCategory.create("health", "Здоров’я", 2));
        LifeSituation sit = catalogue.saveSituation(setup.editor, LifeSituation.create("retirement", "Пенсія", 1));
        EService s = catalogue.save(setup.editor, EService.create("pfu", "ПФУ", null, "https://portal.pfu.gov.ua/")
                .withCategory(cat.id()).withSituations(List.of(sit.id())));
        assertEquals(Reason.CONFLICT, assertThrows(EservicesException.class,
                () -> catalogue.deleteCategory(setup.editor, cat.id(), cat.version())).reason());
        assertEquals(Reason.CONFLICT, assertThrows(EservicesException.class,
                () -> catalogue.saveSituation(setup.editor, LifeSituation.create("RETIREMENT", "Ще одна", 3))).reason());
        ServiceCategory renamed = catalogue.saveCategory(setup.editor,
                new ServiceCategory(cat.id(), "health", "Здоров’я та соцзахист", 2, cat.version()));
        assertEquals(1, renamed.version());
        catalogue.deleteSituation(setup.editor, sit.id(), sit.version());
        assertEquals(List.of(), catalogue.find(s.id()).orElseThrow().situationIds());
        assertEquals(List.of(), catalogue.situations());
        assertEquals("delete", setup.audit().entries().get(setup.audit().entries().size() - 1).action());
        assertEquals("life_situation", setup.audit().entries().get(setup.audit().entries().size() - 1).entityType());
    }

    @Test
    void eachCommunitySeesOnlyItsOwnCatalogueAndGetsTheShippedOne() {
        setup.communities().add("kobeliaky", "kobeliaky.example.org");
        save("diia", "Дія");
        setup.communities().runAs("kobeliaky", () -> {
            assertEquals(0, catalogue.count(ServiceQuery.ALL));
            // the same code is free in another community
            save("diia", "Дія у Кобеляках");
            assertTrue(setup.database().tx(ShippedCatalogue::seedIfNew) == false, "a community with services is not seeded");
        });
        assertEquals(List.of("Дія"), catalogue.list(ServiceQuery.ALL, 0, 10).stream().map(EService::name).toList());
        setup.communities().add("reshetylivka", "reshetylivka.example.org");
        setup.communities().runAs("reshetylivka", () -> {
            assertTrue(setup.database().tx(ShippedCatalogue::seedIfNew));
            assertEquals(ShippedCatalogue.size(), catalogue.countPublished(ServiceQuery.ALL));
            assertFalse(catalogue.categories().isEmpty());
            EService pb = catalogue.published(ServiceQuery.text("Громадський бюджет"), 0, 5).get(0);
            assertTrue(pb.url().startsWith("https://"));
            assertFalse(setup.database().tx(ShippedCatalogue::seedIfNew), "seeded once");
        });
    }
}
