package ua.hromada.opendata.publication.ckan;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last package_search answers of one copy of the registry, least recently used out first,
 * at most {@value #MAX_BYTES} bytes in all and none above {@value #MAX_ANSWER} bytes (a page of
 * 1 000 packages is cheaper to write again than to keep). Emptied when the copy changes.
 */
final class AnswerCache {

    static final int MAX_ANSWER = 256 * 1024;
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private final LinkedHashMap<String, CkanApi.Answer> answers = new LinkedHashMap<>(64, 0.75f, true);
    private long version = -1;
    private long bytes;

    synchronized CkanApi.Answer get(long snapshotVersion, String key) {
        if (version != snapshotVersion) {
            return null;
        }
        return answers.get(key);
    }

    synchronized void put(long snapshotVersion, String key, CkanApi.Answer answer, int maxEntries) {
        put(snapshotVersion, key, answer, maxEntries, MAX_BYTES);
    }

    /** @param maxBytes this cache's share of {@link #MAX_BYTES} (one cache per community share it) */
    synchronized void put(long snapshotVersion, String key, CkanApi.Answer answer, int maxEntries, long maxBytes) {
        if (snapshotVersion < version || answer.body().length > MAX_ANSWER || maxEntries <= 0) {
            return;
        }
        if (snapshotVersion != version) {
            answers.clear();
            bytes = 0;
            version = snapshotVersion;
        }
        CkanApi.Answer old = answers.put(key, answer);
        bytes += answer.body().length - (old == null ? 0 : old.body().length);
        Iterator<Map.Entry<String, CkanApi.Answer>> eldest = answers.entrySet().iterator();
        while ((answers.size() > maxEntries || bytes > Math.min(maxBytes, MAX_BYTES)) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().body().length;
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return answers.size();
    }
}
