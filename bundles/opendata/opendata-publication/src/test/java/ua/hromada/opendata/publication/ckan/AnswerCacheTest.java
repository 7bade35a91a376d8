package ua.hromada.opendata.publication.ckan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The package_search answer cache: per copy of the registry, least recently used out, bounded. */
class AnswerCacheTest {

    private static CkanApi.Answer answer(int bytes) {
        return new CkanApi.Answer(200, new byte[bytes]);
    }

    @Test
    void answersBelongToOneCopyOfTheRegistry() {
        AnswerCache cache = new AnswerCache();
        CkanApi.Answer a = answer(10);
        cache.put(1, "q=a", a, 10);
        assertSame(a, cache.get(1, "q=a"));
        assertNull(cache.get(2, "q=a"), "a newer copy never sees the old answers");
        cache.put(2, "q=b", answer(10), 10);
        assertEquals(1, cache.size(), "the old copy's answers are dropped");
        cache.put(1, "q=c", answer(10), 10);
        assertNull(cache.get(1, "q=c"), "a late answer of an older copy is not kept");
    }

    @Test
    void theLeastRecentlyUsedGoesFirstAndBigAnswersAreNotKept() {
        AnswerCache cache = new AnswerCache();
        cache.put(1, "a", answer(10), 2);
        cache.put(1, "b", answer(10), 2);
        cache.get(1, "a");
        cache.put(1, "c", answer(10), 2);
        assertNull(cache.get(1, "b"));
        assertEquals(2, cache.size());
        cache.put(1, "huge", answer(AnswerCache.MAX_ANSWER + 1), 2);
        assertNull(cache.get(1, "huge"));
        cache.put(1, "off", answer(10), 0);
        assertNull(cache.get(1, "off"), "0 entries: nothing kept");
    }

    @Test
    void aCacheKeepsNoMoreThanItsShareOfTheMemory() {
        AnswerCache cache = new AnswerCache();
        cache.put(1, "a", answer(1000), 10, 2500);
        cache.put(1, "b", answer(1000), 10, 2500);
        cache.put(1, "c", answer(1000), 10, 2500);
        assertNull(cache.get(1, "a"), "the eldest goes beyond the share");
        assertEquals(2, cache.size());
        assertEquals(2000, cache.bytes());
    }
}
