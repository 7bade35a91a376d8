package ua.hromada.docsearch.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.docsearch.service.index.ActIndex;
import ua.hromada.docsearch.service.index.CommunityIndexes;
import ua.hromada.docsearch.service.index.IndexedAct;
import ua.hromada.docsearch.service.store.ActStore;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.Transactions;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Keeps what the search derives from the acts in step with the database, which is the truth: the
 * current community's Lucene index (opened at the community's first use and rebuilt when out of
 * step, rebuilt in the background when lost, an act read again after each commit) and the
 * normalised numbers the exact lookup finds acts by. Split from {@link LegalActRegistryImpl}, which
 * keeps the registry's rules and its transactions.
 */
final class ActIndexing {
    /** Logged as the registry, as before the split, so log settings for it still apply. */
    private static final Logger LOG = LoggerFactory.getLogger(LegalActRegistryImpl.class);

    private final DataSource dataSource;
    private final Communities communities;
    private final ActStore store;
    private final CommunityIndexes indexes;
    /** Where a lost index is rebuilt (pool {@code docsearch.index}); null in tests: rebuilt in the caller. */
    private final Jobs jobs;
    /** Communities whose lost index is being rebuilt, so one rebuild is queued, not one per search. */
    private final Set<String> rebuildingLost = ConcurrentHashMap.newKeySet();

    ActIndexing(DataSource dataSource, Communities communities, ActStore store, Path indexDir, Jobs jobs) {
        this.dataSource = dataSource;
        this.communities = communities;
        this.store = store;
        this.indexes = new CommunityIndexes(indexDir);
        this.jobs = jobs;
    }

    /** The folder of the communities' indexes: configured, else {@code <karaf.data>/docsearch-index}. */
    static Path indexDir(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String data = System.getProperty("karaf.data");
        return Path.of(data == null || data.isBlank() ? System.getProperty("java.io.tmpdir") : data, "docsearch-index");
    }

    /** The current community's index, opened (and brought in step with the database) at its first use. */
    ActIndex current() {
        String community = communities.current().id();
        ActIndex index = indexes.of(community, this::rebuildIfOutOfStep);
        if (index.lost() && rebuildingLost.add(community)) {
            // searches go on meanwhile over the files the index still holds open
            Runnable rebuild = () -> communities.runAs(community, () -> {
                try {
                    LOG.warn("The document index of community {} was lost (folder deleted or a write failed): "
                            + "rebuilding it from the database", community);
                    reindex(index, JobProgress.NONE);
                } finally {
                    rebuildingLost.remove(community);
                }
            });
            Jobs background = jobs;
            if (background == null) {
                rebuild.run();
            } else {
                background.submit("docsearch.index", "rebuild lost index", progress -> {
                    rebuild.run();
                    return null;
                });
            }
        }
        return index;
    }

    /** See {@link LegalActRegistryImpl#rebuildIfOutOfStep()}. */
    long rebuildIfOutOfStep() {
        return rebuildIfOutOfStep(current());
    }

    private long rebuildIfOutOfStep(ActIndex index) {
        long acts = count();
        int indexed = index.docCount();
        if (acts != indexed) {
            LOG.info("The document index of community {} has {} acts, the database {}: rebuilding",
                    communities.current().id(), indexed, acts);
            return reindex(JobProgress.NONE);
        }
        if (!index.analysisCurrent()) {
            LOG.info("The document index of community {} was built with an older analysis: rebuilding",
                    communities.current().id());
            return reindex(JobProgress.NONE);
        }
        return 0;
    }

    long reindex(JobProgress progress) {
        return reindex(current(), progress);
    }

    private long reindex(ActIndex index, JobProgress progress) {
        JobProgress p = progress == null ? JobProgress.NONE : progress;
        long total = count();
        long done = index.rebuild(sink -> tx(c -> {
            store.forEachForIndex(c, sink);
            return null;
        }), total, id -> tx(c -> store.forIndex(c, id)), p);
        return done;
    }

    /**
     * At start: numbers stored under an older normalisation (e.g. "№ ЦП-2026" before numbers that
     * begin with letters were recognised) get today's, so the exact lookup finds them; their acts
     * are indexed again.
     *
     * @return how many acts changed
     */
    int renormalizeNumbers() {
        List<Long> changed = tx(c -> {
            List<Long> ids = new ArrayList<>();
            for (String[] row : store.numbers(c)) {
                String now = ActNumbers.normalize(row[1]);
                if (!now.isEmpty() && !now.equals(row[2])) {
                    long id = Long.parseLong(row[0]);
                    store.setNormalizedNumber(c, id, now);
                    ids.add(id);
                }
            }
            return ids;
        });
        if (!changed.isEmpty()) {
            LOG.info("Normalised the numbers of {} acts again (the rules changed); indexing them", changed.size());
            current().batch(() -> {
                changed.forEach(this::reindexOne);
                return null;
            });
        }
        return changed.size();
    }

    /** After a commit: the act as now stored goes into the index. */
    void reindexOne(long id) {
        try {
            Optional<IndexedAct> act = tx(c -> store.forIndex(c, id));
            ActIndex index = current();
            if (act.isPresent()) {
                index.upsert(act.get());
            } else {
                index.delete(id);
            }
        } catch (RuntimeException e) {
            // the database is the truth; the index catches up with docsearch:reindex
            LOG.error("Act {} is saved but could not be indexed; run docsearch:reindex", id, e);
        }
    }

    void close() {
        indexes.close();
    }

    private long count() {
        return tx(store::count);
    }

    /** Reads run in a transaction too, as the registry's: a cursor for the reindex stream. */
    private <T> T tx(Transactions.Work<T> work) {
        return Transactions.tx(dataSource, LegalActRegistryImpl.MODULE, work);
    }
}
