package ua.hromada.opendata.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.publication.ckan.CkanApi;

/**
 * The refresh of an old copy (what the background does after {@code cache.max.age.seconds}): one
 * that finds the published registry as it was keeps the copy, so the answers cached for it stay;
 * one that finds a change made around the registry service (SQL) gives a new copy.
 */
class PublicationRefreshTest {

    @AutoClose
    PublicationFixture f = new PublicationFixture();

    @Test
    void aRefreshThatFindsNothingNewKeepsTheCopyAndItsCachedAnswers() {
        CkanApi ckan = new CkanApi(f.publication);
        Snapshot first = f.publication.snapshot();
        CkanApi.Answer search = ckan.handle("package_search", Map.of("q", "бюджет"));
        assertSame(search, ckan.handle("package_search", Map.of("q", "бюджет")), "the answer is cached");

        assertSame(first, f.publication.refresh(), "nothing changed: the same copy");
        assertSame(first, f.publication.snapshot());
        assertSame(search, ckan.handle("package_search", Map.of("q", "бюджет")),
                "the cached answer outlives a refresh that found nothing new");
    }

    @Test
    void aRefreshThatFindsAChangeGivesANewCopy() {
        CkanApi ckan = new CkanApi(f.publication);
        Snapshot first = f.publication.snapshot();
        CkanApi.Answer search = ckan.handle("package_search", Map.of("q", "бюджет"));

        // around the registry service: no registryChanged(), only a refresh can see it
        f.od.execute("UPDATE opendata.dataset SET title = 'Бюджет міста на 2026 рік (уточнений)'"
                + " WHERE identifier = 'budget-2026'");
        Snapshot refreshed = f.publication.refresh();
        assertNotSame(first, refreshed);
        assertTrue(refreshed.version() > first.version());
        assertSame(refreshed, f.publication.snapshot());
        CkanApi.Answer again = ckan.handle("package_search", Map.of("q", "бюджет"));
        assertNotSame(search, again, "the old copy's answer is not served");
        assertTrue(new String(again.body(), StandardCharsets.UTF_8).contains("(уточнений)"));
        assertEquals(first.size(), refreshed.size());
    }
}
