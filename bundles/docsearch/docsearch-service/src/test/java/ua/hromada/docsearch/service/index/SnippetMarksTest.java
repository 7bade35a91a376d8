package ua.hromada.docsearch.service.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ua.hromada.docsearch.api.SearchQuery;

class SnippetMarksTest {

    @Test
    void aWordMissingFromAnEarlierHitsBodyIsStillMarkedInTheNext(@TempDir Path dir) {
        try (ActIndex index = new ActIndex(dir)) {
            // act 1 has «освіта» only in its title: the body's postings of «освіта» pass act 1 by
            // (one commit: both acts in one segment, one after the other)
            index.batch(() -> {
                index.upsert(act(1, "Про освіту", "Бюджет громади на наступний рік."));
                index.upsert(act(2, "Звіт за рік", "Бюджет і освіта громади у звіті."));
                return null;
            });
            Map<Long, String> snippets = index.search(SearchQuery.text("бюджет освіта")).hits().stream()
                    .collect(Collectors.toMap(IndexHit::id, IndexHit::snippet));
            assertEquals(2, snippets.size());
            assertTrue(snippets.get(2L).contains("<mark>освіта</mark>"), snippets.get(2L));
            assertTrue(snippets.get(2L).contains("<mark>Бюджет</mark>"), snippets.get(2L));
        }
    }

    private static IndexedAct act(long id, String title, String body) {
        return new IndexedAct(id, "council-decision", "Рішення ради", Long.toString(id), Long.toString(id),
                LocalDate.of(2024, 1, 1), title, null, "IN_FORCE", List.of(), body, null, null);
    }
}
