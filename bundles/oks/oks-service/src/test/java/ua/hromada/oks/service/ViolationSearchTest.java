package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.ViolationQueryParams;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.PortalUser;

/** The list's inspector filter, search box and "no executor" filter on real PostgreSQL (issue 20, items 10 and 11). */
class ViolationSearchTest {
    /** A fresh database per test (JUnit makes an instance per test), closed after it. */
    @AutoClose
    private final OksTestSetup oks = new OksTestSetup();
    private final Violations service = oks.violations();

    private Violation register(PortalUser inspector, String description, String address) {
        return service.register(inspector, new NewViolation(oks.type("improvement").id(), description, address,
                OksTestSetup.LAT, OksTestSetup.LON, Urgency.NORMAL, null, null, List.of()));
    }

    private List<Long> ids(String text, String inspector) {
        ViolationQuery q = new ViolationQuery(null, null, null, null, null, null, inspector, null, null, null, null,
                null, text, ViolationQuery.Sort.OLDEST, 0, 50);
        return service.search(oks.inspector, q).stream().map(Violation::id).toList();
    }

    @Test
    void inspectorFilterMatchesTheNameShownAndTheLogin() {
        PortalUser stepan = OksTestSetup.user(7, "s.bondar", "Степан Бондаренко", OksPermissions.INSPECT);
        Violation byInna = register(oks.inspector, "Зламана лава", "вул. Соборності, 1");
        Violation byStepan = register(stepan, "Зламана огорожа", "вул. Соборності, 2");

        assertEquals(List.of(byInna.id()), ids(null, "Інна Інспекторка"), "the full name shown on the card");
        assertEquals(List.of(byInna.id()), ids(null, "інспекторк"), "part of the name, any letter case");
        assertEquals(List.of(byStepan.id()), ids(null, "Бондаренко"));
        assertEquals(List.of(byStepan.id()), ids(null, "S.Bondar"), "the login still works");
        assertEquals(List.of(), ids(null, "Петренко"));
        assertEquals(List.of(), ids(null, "%"), "a wildcard typed is a character, not everything");
    }

    @Test
    void wordFormsFindOneAnother() {
        Violation bench = register(oks.inspector, "Зламана лава у сквері", "вул. Соборності, 1");
        Violation benches = register(oks.inspector, "Пофарбувати лави біля фонтану", "вул. Соборності, 3");
        Violation glory = register(oks.inspector, "Пам’ятний знак «Слава»", "вул. Соборності, 5");
        Violation trees = register(oks.inspector, "Сухі дерева", "вулиця Шевченка, 8");

        assertEquals(List.of(bench.id(), benches.id()), ids("лави", null), "«лави» finds «лава» but not «Слава»");
        assertEquals(List.of(bench.id(), benches.id()), ids("Лава", null));
        assertEquals(List.of(bench.id(), benches.id()), ids("лавою", null));
        assertEquals(List.of(benches.id()), ids("лави фонтан", null), "every word must match");
        assertEquals(List.of(bench.id()), ids("зламані лави", null));
        assertEquals(List.of(trees.id()), ids("дерево", null));
        assertEquals(List.of(trees.id()), ids("вулиці Шевченко", null), "address words in another case");
        assertEquals(List.of(glory.id()), ids("пам'ятного", null), "either apostrophe");
        assertEquals(List.of(benches.id()), ids("біля фонтанів", null), "a preposition does not have to match");
    }

    @Test
    void numbersWithOrWithoutTheNumberSign() {
        Violation house30 = register(oks.inspector, "Яма на тротуарі", "вул. Шевченка, 30");
        Violation house130 = register(oks.inspector, "Яма на тротуарі", "вул. Шевченка, 130");
        Violation school = register(oks.inspector, "Сміття біля школи №30", "");
        Violation other = register(oks.inspector, "Поламаний ліхтар", "вул. Небесної Сотні, 5");

        for (String query : List.of("30", "№ 30", "№30", "N 30")) {
            assertEquals(List.of(house30.id(), school.id()), ids(query, null), query + ": a whole number, not 130");
        }
        String id = Long.toString(other.id());
        assertEquals(List.of(other.id()), ids("№ " + id, null), "the case number");
        assertEquals(List.of(other.id()), ids("#" + id, null));
        assertEquals(List.of(house30.id()), ids("Шевченка 30", null));
        assertEquals(List.of(house130.id()), ids("шевченка, 130", null));
        assertEquals(List.of(school.id()), ids("школа № 30", null));
        assertEquals(List.of(), ids("???", null), "punctuation only is searched as typed");
    }

    @Test
    void noExecutorListsTheUnassignedCasesTheReportCounts() {
        Violation sent = register(oks.inspector, "Зламана лава", "вул. Соборності, 1");
        Violation unassigned = register(oks.inspector, "Зламана огорожа", "вул. Соборності, 2");
        service.transition(oks.inspector, sent.id(), new TransitionRequest(ActionKind.SENT, null, oks.org.id(),
                oks.today().plusDays(5), List.of()));
        ViolationQuery none = new ViolationQuery(null, null, null, null, null, ViolationQuery.NO_EXECUTOR, null, null,
                null, null, null, null, null, null, 0, 50);
        assertEquals(List.of(unassigned.id()), service.search(oks.inspector, none).stream().map(Violation::id).toList());
        assertEquals(1, service.count(oks.inspector, none));

        Map<String, List<String>> params = ViolationQueryParams.toParameters(none);
        assertEquals(List.of("none"), params.get("executor"), "the address spells it out");
        assertEquals(ViolationQuery.NO_EXECUTOR, ViolationQueryParams.fromParameters(params, 50).executorId());
        assertEquals(oks.org.id(), ViolationQueryParams.fromParameters(Map.of("executor", List.of(Long.toString(oks.org.id()))), 50)
                .executorId());
        ViolationQuery reports = ViolationQuery.lastEffect(ua.hromada.oks.api.ActionEffect.REPORT);
        assertEquals(List.of("REPORT"), ViolationQueryParams.toParameters(reports).get("effect"));
        assertEquals(reports, ViolationQueryParams.fromParameters(ViolationQueryParams.toParameters(reports), reports.limit()));

        long reportNone = oks.analytics().periodReport(oks.admin, oks.today(), oks.today()).byExecutor().stream()
                .filter(b -> b.id() == null).mapToLong(b -> b.registered()).sum();
        assertEquals(1, reportNone, "the report's «Без виконавця» row counts what the list shows");
        assertTrue(service.search(oks.executor, none).isEmpty(), "an executor sees no unassigned case");
    }

    @Test
    void stemsKeepAtLeastThreeLetters() {
        assertEquals("лав", SearchText.stem("лави"));
        assertEquals("лав", SearchText.stem("лавою"));
        assertEquals("порушен", SearchText.stem("порушення"));
        assertEquals("порушен", SearchText.stem("порушень"));
        assertEquals("дах", SearchText.stem("дах"));
        assertEquals("яма", SearchText.stem("яма"), "three letters stay whole");
        assertEquals("bench", SearchText.stem("bench"), "Latin words are not stemmed");
        assertEquals(SearchText.MAX_TERMS, SearchText.parse("лава ".repeat(500)).size(), "a pasted page stays a small query");
    }
}
