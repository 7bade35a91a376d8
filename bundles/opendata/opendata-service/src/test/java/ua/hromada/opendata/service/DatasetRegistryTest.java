package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.DatasetRegistry.TagCount;
import ua.hromada.opendata.api.StructureField;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.api.audit.AuditLog.AuditEntry;

/** Managers, datasets and obligations on real PostgreSQL: every validation rule, CRUD, search, rights, audit log. */
class DatasetRegistryTest {
    private static OpendataTestSetup setup;
    private static DatasetRegistry registry;
    private static DataManager council;

    @BeforeAll
    static void start() {
        setup = new OpendataTestSetup();
        registry = setup.registry();
        council = setup.manager("Полтавська міська рада", "24388300");
    }

    @AfterAll
    static void stop() {
        setup.close();
    }

    private static void refused(Reason reason, String key, Executable call, Object... args) {
        OpendataException e = assertThrows(OpendataException.class, call);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(key, e.messageKey(), e.getMessage());
        if (args.length > 0) {
            assertArrayEquals(args, e.args(), e.getMessage());
        }
    }

    private static DataManager manager(String name, String edrpou, String email, String phone, Long parent) {
        return new DataManager(0, name, edrpou, null, email, phone, parent, null);
    }

    /** The full passport with one change. */
    private static Dataset with(String identifier, UnaryOperator<Object[]> change) {
        Dataset d = OpendataTestSetup.passport(council.id(), identifier, "Набір " + identifier);
        Object[] f = {d.identifier(), d.title(), d.description(), d.language(), d.formats(), d.firstPublishedAt(),
            d.lastModifiedAt(), d.frequency(), d.keywords(), d.links(), d.responsibleEmail(), d.managerId(), d.structure(),
            d.obligationId()};
        f = change.apply(f);
        @SuppressWarnings("unchecked")
        Dataset out = new Dataset(0, (String) f[0], (String) f[1], (String) f[2], (String) f[3], (List<String>) f[4],
                null, (LocalDateTime) f[5], (LocalDateTime) f[6], d.actualityDate(), (UpdateFrequency) f[7], (List<String>) f[8],
                (List<String>) f[9], d.responsiblePerson(), (String) f[10], d.legalBasis(), d.purpose(), (Long) f[11], null,
                d.tags(), (List<StructureField>) f[12], (Long) f[13], false, null, null);
        return out;
    }

    private static UnaryOperator<Object[]> set(int index, Object value) {
        return f -> {
            f[index] = value;
            return f;
        };
    }

    // ------------------------------------------------------------------ managers

    @Test
    void managerRules() {
        refused(Reason.INVALID, "opendata.error.required", () -> registry.saveManager(setup.steward, manager("  ", null, null, null, null)),
                Passport.MANAGER_NAME);
        refused(Reason.INVALID, "opendata.error.tooLong",
                () -> registry.saveManager(setup.steward, manager("х".repeat(501), null, null, null, null)),
                Passport.MANAGER_NAME, 500, 501);
        refused(Reason.INVALID, "opendata.error.edrpou",
                () -> registry.saveManager(setup.steward, manager("Відділ А", "24388301", null, null, null)), "24388301");
        refused(Reason.INVALID, "opendata.error.edrpou",
                () -> registry.saveManager(setup.steward, manager("Відділ А", "2438830", null, null, null)));
        refused(Reason.CONFLICT, "opendata.error.edrpouTaken",
                () -> registry.saveManager(setup.steward, manager("Інша рада", "24388300", null, null, null)),
                "24388300", "Полтавська міська рада");
        refused(Reason.CONFLICT, "opendata.error.managerNameTaken",
                () -> registry.saveManager(setup.steward, manager("полтавська МІСЬКА рада", null, null, null, null)));
        refused(Reason.INVALID, "opendata.error.email",
                () -> registry.saveManager(setup.steward, manager("Відділ Б", null, "not-an-email", null, null)),
                Passport.MANAGER_EMAIL, "not-an-email");
        refused(Reason.INVALID, "opendata.error.phone",
                () -> registry.saveManager(setup.steward, manager("Відділ Б", null, null, "дзвоніть", null)));
        refused(Reason.INVALID, "opendata.error.parentUnknown",
                () -> registry.saveManager(setup.steward, manager("Відділ Б", null, null, null, 999_999L)));
        refused(Reason.FORBIDDEN, "opendata.error.forbidden",
                () -> registry.saveManager(setup.viewer, manager("Відділ В", null, null, null, null)));
    }

    @Test
    void managerHierarchyHasNoCycles() {
        DataManager parent = registry.saveManager(setup.steward, manager("Департамент фінансів", OpendataTestSetup.edrpou(1_111_111),
                "finance@example.org", "+38 (0532) 56-00-00", council.id()));
        DataManager child = registry.saveManager(setup.steward, manager("Бюджетний відділ", null, null, null, parent.id()));
        assertEquals("Департамент фінансів", child.parentName());
        assertEquals("finance@example.org", registry.manager(parent.id()).orElseThrow().email());
        refused(Reason.INVALID, "opendata.error.parentCycle", () -> registry.saveManager(setup.steward,
                new DataManager(parent.id(), parent.name(), parent.edrpou(), null, null, null, child.id(), null)));
        refused(Reason.INVALID, "opendata.error.parentCycle", () -> registry.saveManager(setup.steward,
                new DataManager(parent.id(), parent.name(), parent.edrpou(), null, null, null, parent.id(), null)));
        DataManager renamed = registry.saveManager(setup.admin, new DataManager(child.id(), "Відділ бюджету", null,
                "Марія Бюджетна", null, null, parent.id(), null));
        assertEquals("Відділ бюджету", registry.manager(child.id()).orElseThrow().name());
        assertEquals(renamed, registry.manager(child.id()).orElseThrow());
        assertTrue(registry.managers(setup.viewer).stream().anyMatch(m -> m.id() == child.id()));
        refused(Reason.NOT_FOUND, "opendata.error.notFound", () -> registry.saveManager(setup.steward,
                new DataManager(987_654, "Немає такого", null, null, null, null, null, null)));
    }

    // ------------------------------------------------------------------ datasets

    @Test
    void datasetRules() {
        refused(Reason.INVALID, "opendata.error.required", () -> registry.saveDataset(setup.steward, with("x", set(0, " "))),
                Passport.IDENTIFIER);
        refused(Reason.INVALID, "opendata.error.identifier",
                () -> registry.saveDataset(setup.steward, with("x", set(0, "бюджет 2026"))));
        refused(Reason.INVALID, "opendata.error.identifier", () -> registry.saveDataset(setup.steward, with("x", set(0, "a"))));
        refused(Reason.INVALID, "opendata.error.identifier",
                () -> registry.saveDataset(setup.steward, with("x", set(0, "a".repeat(101)))));
        refused(Reason.INVALID, "opendata.error.required", () -> registry.saveDataset(setup.steward, with("rules-1", set(1, null))),
                Passport.TITLE);
        refused(Reason.INVALID, "opendata.error.tooLong",
                () -> registry.saveDataset(setup.steward, with("rules-1", set(1, "Н".repeat(255)))), Passport.TITLE, 254, 255);
        refused(Reason.INVALID, "opendata.error.tooLong",
                () -> registry.saveDataset(setup.steward, with("rules-1", set(2, "о".repeat(4001)))), Passport.DESCRIPTION,
                4000, 4001);
        refused(Reason.INVALID, "opendata.error.language",
                () -> registry.saveDataset(setup.steward, with("rules-1", set(3, "українська"))));
        refused(Reason.INVALID, "opendata.error.format",
                () -> registry.saveDataset(setup.steward, with("rules-1", set(4, List.of("CSV", "C S V")))));
        refused(Reason.INVALID, "opendata.error.dates", () -> registry.saveDataset(setup.steward,
                with("rules-1", set(6, LocalDate.now().minusYears(2).atStartOfDay()))));
        refused(Reason.INVALID, "opendata.error.required", () -> registry.saveDataset(setup.steward, with("rules-1", set(7, null))),
                Passport.FREQUENCY);
        refused(Reason.INVALID, "opendata.error.tooLong",
                () -> registry.saveDataset(setup.steward, with("rules-1", set(8, List.of("к".repeat(201))))));
        refused(Reason.INVALID, "opendata.error.url",
                () -> registry.saveDataset(setup.steward, with("rules-1", set(9, List.of("ftp://example.org/a.csv")))));
        refused(Reason.INVALID, "opendata.error.url",
                () -> registry.saveDataset(setup.steward, with("rules-1", set(9, List.of("example.org/a.csv")))));
        refused(Reason.INVALID, "opendata.error.email",
                () -> registry.saveDataset(setup.steward, with("rules-1", set(10, "ivan@"))), Passport.EMAIL, "ivan@");
        refused(Reason.INVALID, "opendata.error.required", () -> registry.saveDataset(setup.steward, with("rules-1", set(11, 0L))),
                Passport.MANAGER);
        refused(Reason.INVALID, "opendata.error.managerUnknown",
                () -> registry.saveDataset(setup.steward, with("rules-1", set(11, 999_999L))));
        refused(Reason.INVALID, "opendata.error.structureDuplicate", () -> registry.saveDataset(setup.steward, with("rules-1",
                set(12, List.of(new StructureField("id", null, "integer", true), new StructureField("ID", null, "string", false))))));
        refused(Reason.INVALID, "opendata.error.structureName", () -> registry.saveDataset(setup.steward,
                with("rules-1", set(12, List.of(new StructureField("1st column", null, null, false))))));
        refused(Reason.INVALID, "opendata.error.obligationUnknown",
                () -> registry.saveDataset(setup.steward, with("rules-1", set(13, 999_999L))));
        refused(Reason.FORBIDDEN, "opendata.error.forbidden", () -> registry.saveDataset(setup.auditor, with("rules-1", f -> f)));
        assertTrue(registry.datasetByIdentifier("rules-1").isEmpty(), "nothing refused was saved");

        // limits themselves pass, and the identifier is normalized to lower case
        Dataset ok = registry.saveDataset(setup.steward, with("Rules-OK", f -> {
            f[1] = "Н".repeat(254);
            f[2] = "о".repeat(4000);
            f[4] = List.of("csv", ".json", "CSV");
            return f;
        }));
        assertEquals("rules-ok", ok.identifier());
        assertEquals(List.of("CSV", "JSON"), ok.formats());
        refused(Reason.CONFLICT, "opendata.error.identifierTaken",
                () -> registry.saveDataset(setup.steward, with("RULES-OK", f -> f)), "rules-ok");
    }

    @Test
    void datasetUpdateKeepsEverythingAndIsAudited() {
        Obligation reports = registry.obligations().stream().filter(o -> o.code().equals("reports")).findFirst().orElseThrow();
        Dataset d = setup.dataset(council, "requests-reports", "Звіти щодо задоволення запитів на інформацію", false);
        Dataset changed = new Dataset(d.id(), d.identifier(), d.title(), "Новий опис", "uk", List.of("XLSX"), "zip",
                d.firstPublishedAt(), d.lastModifiedAt(), d.actualityDate(), UpdateFrequency.HALF_YEARLY, List.of("запити"),
                List.of(), "Оксана Звітна", "zvit@example.org", "ЗУ «Про доступ до публічної інформації»", "Звітність",
                council.id(), null, List.of("звіти", "Звіти", "запити"), List.of(new StructureField("period", "Період", "date", true)),
                reports.id(), true, "should-be-ignored", null);
        Dataset saved = registry.saveDataset(setup.steward, changed);
        assertEquals("Новий опис", saved.description());
        assertEquals(List.of("XLSX"), saved.formats());
        assertEquals("zip", saved.compression());
        assertEquals(UpdateFrequency.HALF_YEARLY, saved.frequency());
        assertEquals(List.of("звіти", "запити"), saved.tags(), "tags deduplicated ignoring case");
        assertEquals(List.of(new StructureField("period", "Період", "date", true)), saved.structure());
        assertEquals(reports.id(), saved.obligationId());
        assertTrue(saved.published());
        assertEquals(null, saved.providerModule(), "a steward cannot make a dataset look module-produced");
        assertTrue(!saved.updatedAt().isBefore(d.updatedAt()));
        List<AuditEntry> entries = setup.audit().stream().filter(e -> e.entityType().equals("dataset")
                && e.entityId().equals(Long.toString(d.id()))).toList();
        assertEquals(List.of("create", "update"), entries.stream().map(AuditEntry::action).toList());
        assertEquals("steward", entries.get(1).actor());
        assertEquals("opendata", entries.get(1).module());
    }

    @Test
    void searchPagingAndPublishedFilter() {
        DataManager transport = setup.manager("Управління транспорту", OpendataTestSetup.edrpou(2_222_222));
        for (int i = 1; i <= 25; i++) {
            Dataset d = OpendataTestSetup.passport(transport.id(), String.format("route-%02d", i), String.format("Маршрут автобуса %02d", i));
            registry.saveDataset(setup.steward, new Dataset(0, d.identifier(), d.title(), "Розклад руху маршруту", "uk",
                    i % 2 == 0 ? List.of("CSV", "JSON") : List.of("XLSX"), null, d.firstPublishedAt(), d.lastModifiedAt(),
                    d.actualityDate(), i % 3 == 0 ? UpdateFrequency.WEEKLY : UpdateFrequency.MONTHLY,
                    List.of("транспорт", "розклад"), List.of(), null, null, null, null, transport.id(), null,
                    i <= 5 ? List.of("транспорт", "автобуси") : List.of("транспорт"), List.of(), null, i <= 20, null, null));
        }
        DatasetQuery all = new DatasetQuery(null, transport.id(), null, null, null, null, 0, 10);
        assertEquals(25, registry.countDatasets(setup.viewer, all));
        List<Dataset> page2 = registry.datasets(setup.viewer, new DatasetQuery(null, transport.id(), null, null, null, null, 10, 10));
        assertEquals("route-11", page2.get(0).identifier(), "ordered by title");
        assertEquals(10, page2.size());
        assertEquals(5, registry.datasets(setup.viewer, new DatasetQuery(null, transport.id(), null, null, null, null, 20, 10)).size());

        // text: every word, in title, description, keywords or identifier, any case
        assertEquals(25, registry.countDatasets(setup.viewer, new DatasetQuery("РОЗКЛАД автобуса", null, null, null, null, null, 0, 50)));
        assertEquals(1, registry.countDatasets(setup.viewer, new DatasetQuery("route-07", null, null, null, null, null, 0, 50)));
        assertEquals(0, registry.countDatasets(setup.viewer, new DatasetQuery("розклад тролейбуса", null, null, null, null, null, 0, 50)));
        assertEquals(0, registry.countDatasets(setup.viewer, new DatasetQuery("100%_", null, null, null, null, null, 0, 50)),
                "LIKE wildcards in the text are literal");

        assertEquals(12, registry.countDatasets(setup.viewer, new DatasetQuery(null, transport.id(), null, "csv", null, null, 0, 50)));
        assertEquals(8, registry.countDatasets(setup.viewer, new DatasetQuery(null, transport.id(), null, null, null, UpdateFrequency.WEEKLY, 0, 50)));
        assertEquals(5, registry.countDatasets(setup.viewer, new DatasetQuery(null, null, "автобуси", null, null, null, 0, 50)));
        assertEquals(5, registry.countDatasets(setup.viewer, new DatasetQuery(null, transport.id(), null, null, false, null, 0, 50)));

        // the public readers never show unpublished datasets, whatever the query says
        DatasetQuery unpublished = new DatasetQuery("маршрут", null, null, null, false, null, 0, 100);
        assertEquals(20, registry.countPublished(unpublished));
        assertTrue(registry.published(unpublished).stream().allMatch(Dataset::published));
        assertEquals(20, registry.published(unpublished).size());

        List<TagCount> tags = registry.tags();
        TagCount transportTag = tags.stream().filter(t -> t.tag().equals("транспорт")).findFirst().orElseThrow();
        assertEquals(20, transportTag.count(), "only published datasets are counted");
        assertEquals(5, tags.stream().filter(t -> t.tag().equals("автобуси")).findFirst().orElseThrow().count());
        assertTrue(tags.indexOf(transportTag) < tags.indexOf(new TagCount("автобуси", 5)), "most used first");

        refused(Reason.FORBIDDEN, "opendata.error.forbidden", () -> registry.datasets(setup.stranger, all));
        refused(Reason.FORBIDDEN, "opendata.error.forbidden", () -> registry.countDatasets(setup.stranger, all));
        assertEquals(25, registry.countDatasets(setup.auditor, all), "auditors read the registry");
        assertEquals(25, registry.countDatasets(setup.admin, all), "portal.admin implies every permission");

        int[] seen = {0};
        registry.forEachDataset(d -> seen[0]++);
        assertTrue(seen[0] >= 25);
    }

    // ------------------------------------------------------------------ obligations

    @Test
    void nationalListIsSeededAndEditable() {
        List<Obligation> list = registry.obligations();
        assertTrue(list.size() >= 10);
        assertTrue(list.stream().anyMatch(o -> o.title().equals("Звіти, в тому числі щодо задоволення запитів на інформацію")));
        assertTrue(list.stream().allMatch(o -> o.legalBasis().contains("№ 835")));

        Obligation added = registry.saveObligation(setup.steward, new Obligation(0, "Parking-Places", "Місця паркування",
                null, "Рішення міської ради"));
        assertEquals("parking-places", added.code());
        Obligation edited = registry.saveObligation(setup.steward, new Obligation(added.id(), "parking-places",
                "Місця для паркування транспортних засобів", "Перелік майданчиків", "Рішення міської ради"));
        assertEquals("Місця для паркування транспортних засобів", edited.title());
        refused(Reason.CONFLICT, "opendata.error.obligationCodeTaken",
                () -> registry.saveObligation(setup.steward, new Obligation(0, "reports", "Дубль", null, null)));
        refused(Reason.INVALID, "opendata.error.obligationCode",
                () -> registry.saveObligation(setup.steward, new Obligation(0, "пункт 1", "Назва", null, null)));
        refused(Reason.INVALID, "opendata.error.required",
                () -> registry.saveObligation(setup.steward, new Obligation(0, "no-title", " ", null, null)));
        refused(Reason.FORBIDDEN, "opendata.error.forbidden",
                () -> registry.saveObligation(setup.viewer, new Obligation(0, "x1", "Назва", null, null)));

        DataManager m = setup.manager("Управління архітектури та містобудування", OpendataTestSetup.edrpou(3_333_333));
        long planning = list.stream().filter(o -> o.code().equals("urban-planning")).findFirst().orElseThrow().id();
        registry.setObligations(setup.steward, m.id(), List.of(planning, added.id(), planning));
        assertEquals(List.of(planning, added.id()), registry.obligationsOf(m.id()).stream().map(Obligation::id).toList());
        registry.setObligations(setup.steward, m.id(), List.of(added.id()));
        assertEquals(List.of(added.id()), registry.obligationsOf(m.id()).stream().map(Obligation::id).toList());
        refused(Reason.INVALID, "opendata.error.obligationUnknown",
                () -> registry.setObligations(setup.steward, m.id(), List.of(999_999L)));
        assertEquals(1, registry.obligationsOf(m.id()).size(), "a refused change leaves the list as it was");
        refused(Reason.NOT_FOUND, "opendata.error.notFound", () -> registry.setObligations(setup.steward, 999_999L, List.of()));
        refused(Reason.FORBIDDEN, "opendata.error.forbidden", () -> registry.setObligations(setup.viewer, m.id(), List.of()));
        assertTrue(setup.audit().stream().anyMatch(e -> e.action().equals("obligations") && e.entityId().equals(Long.toString(m.id()))));
    }

    @Test
    void strangerIsRefused() {
        refused(Reason.FORBIDDEN, "opendata.error.forbidden", () -> registry.managers(setup.stranger));
        assertFalse(registry.managers(setup.viewer).isEmpty());
    }
}
