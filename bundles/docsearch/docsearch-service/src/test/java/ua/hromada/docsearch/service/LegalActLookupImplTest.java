package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.service.lookup.LegalActLookupImpl;
import ua.hromada.portal.api.legal.LegalActSummary;

/** Other modules' act picker over the registry on PostgreSQL: by title words, by number, by id. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalActLookupImplTest {
    private TestSetup setup;
    private LegalActRegistryImpl registry;
    private LegalActLookupImpl lookup;
    private long parking;
    private long budget;

    @BeforeAll
    void start() {
        setup = new TestSetup();
        registry = setup.service(1024 * 1024);
        lookup = new LegalActLookupImpl(registry, registry);
        parking = act("№ 790", LocalDate.of(2024, 4, 26), "Про правила паркування транспортних засобів");
        budget = act("№ 12", LocalDate.of(2025, 1, 15), "Про бюджет громади на 2025 рік");
    }

    private long act(String number, LocalDate date, String title) {
        return registry.create(new ActDraft("council-decision", number, date, title, null, null, null,
                ActStatus.IN_FORCE, Set.of(), List.of()), List.of(new FileUpload("a.txt",
                        title.getBytes(StandardCharsets.UTF_8))), Fixtures.editor("olena")).id();
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    @Test
    void findsByTitleWordsAndByNumber() {
        List<LegalActSummary> byWord = lookup.search("паркування", 10);
        assertEquals(List.of(parking), byWord.stream().map(LegalActSummary::id).toList());
        LegalActSummary act = byWord.get(0);
        // the number without its "№", the route anyone may open
        assertEquals("790", act.number());
        assertEquals(LocalDate.of(2024, 4, 26), act.date());
        assertEquals("Про правила паркування транспортних засобів", act.title());
        assertEquals("dokumenty/" + parking, act.route());
        assertTrue(act.kind() != null && !act.kind().isBlank());

        assertEquals(parking, lookup.search("№ 790 від 26.04.2024", 10).get(0).id());
        assertEquals(budget, lookup.search("12", 10).get(0).id());
    }

    @Test
    void blankTextGivesNewestFirstAndTheLimitHolds() {
        assertEquals(List.of(budget, parking), lookup.search(" ", 10).stream().map(LegalActSummary::id).toList());
        assertEquals(List.of(budget), lookup.search(null, 1).stream().map(LegalActSummary::id).toList());
        assertEquals(List.of(), lookup.search("космодром", 10));
    }

    @Test
    void findsByIdAndAnswersEmptyForAnUnknownOrRemovedAct() {
        assertEquals(registry.find(budget).orElseThrow().title(), lookup.find(budget).orElseThrow().title());
        assertEquals("12", lookup.find(budget).orElseThrow().number());
        assertTrue(lookup.find(Long.MAX_VALUE).isEmpty());
        long gone = act("№ 1", LocalDate.of(2023, 1, 1), "Про тимчасове рішення");
        registry.delete(gone, Fixtures.editor("olena"));
        assertTrue(lookup.find(gone).isEmpty());
    }
}
