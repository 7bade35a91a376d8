package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;

/** Convocation, session and tag filters, for word searches, the list of all acts and number lookups. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilFiltersTest {
    private TestSetup setup;
    private LegalActRegistryImpl service;
    private long s8s31;
    private long s8s32;
    private long s7s31;
    private long untagged;

    @BeforeAll
    void start() {
        setup = new TestSetup();
        service = setup.service(1024 * 1024);
        s8s31 = act("100", 8, 31, Set.of("Бюджет", "освіта"));
        s8s32 = act("101", 8, 32, Set.of("бюджет"));
        s7s31 = act("100", 7, 31, Set.of("освіта"));
        untagged = act("103", null, null, Set.of());
    }

    private long act(String number, Integer convocation, Integer session, Set<String> tags) {
        LocalDate date = LocalDate.of(2024, 1, 10).plusDays(Long.parseLong(number) + (convocation == null ? 0 : convocation));
        return service.create(new ActDraft("council-decision", "№ " + number, date, "Про фінансування закладів",
                null, convocation, session, ActStatus.IN_FORCE, tags, List.of()), List.of(new FileUpload("a.txt",
                "Рішення про фінансування.".getBytes(StandardCharsets.UTF_8))), Fixtures.editor("olena")).id();
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    private Set<Long> found(String text, Integer convocation, Integer session, Set<String> tags) {
        SearchResult r = service.search(SearchQuery.text(text).withCouncil(convocation, session, tags));
        assertEquals(r.hits().size(), r.total());
        return Set.copyOf(r.hits().stream().map(SearchResult.Hit::id).toList());
    }

    @Test
    void wordsAndAllActs() {
        for (String text : List.of("фінансування", "")) {
            assertEquals(Set.of(s8s31, s8s32, s7s31, untagged), found(text, null, null, Set.of()));
            assertEquals(Set.of(s8s31, s8s32), found(text, 8, null, Set.of()));
            assertEquals(Set.of(s8s31, s7s31), found(text, null, 31, Set.of()));
            assertEquals(Set.of(s8s31), found(text, 8, 31, Set.of()));
            // tags without regard to case; every tag chosen
            assertEquals(Set.of(s8s31, s8s32), found(text, null, null, Set.of("БЮДЖЕТ")));
            assertEquals(Set.of(s8s31), found(text, null, null, Set.of("бюджет", " Освіта ")));
            assertEquals(Set.of(s7s31), found(text, 7, null, Set.of("освіта")));
            assertEquals(Set.of(), found(text, 9, null, Set.of()));
            assertEquals(Set.of(), found(text, null, null, Set.of("немає такого")));
        }
    }

    @Test
    void numberLookupsHonourTheFiltersToo() {
        assertEquals(Set.of(s8s31, s7s31), found("№ 100", null, null, Set.of()));
        assertEquals(Set.of(s7s31), found("№ 100", 7, null, Set.of()));
        assertEquals(Set.of(s8s31), found("№ 100", null, null, Set.of("бюджет")));
        assertEquals(Set.of(), found("№ 100", 8, 32, Set.of()));
    }
}
