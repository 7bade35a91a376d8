package ua.hromada.docsearch.service.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.service.ActNumbers;
import ua.hromada.docsearch.service.TypedDates;

/**
 * The Lucene index of acts. Lives in {@code <root>/gen-<n>}: a rebuild writes a new generation next
 * to the live one and swaps it in when complete, so searches keep working and a cancelled or
 * crashed rebuild leaves the old index untouched. Changes made while a rebuild runs go to the live
 * index and are replayed into the new one (from the database) before the swap.
 */
public final class ActIndex implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ActIndex.class);

    public static final String F_ID = "id";
    public static final String F_ID_NUM = "id_num";
    public static final String F_KIND = "kind";
    public static final String F_KIND_NAME = "kindName";
    public static final String F_NUMBER = "number";
    public static final String F_NUMBER_NORM = "number_norm";
    public static final String F_DATE = "date";
    public static final String F_DATE_SORT = "date_sort";
    public static final String F_YEAR = "year";
    public static final String F_TITLE = "title";
    public static final String F_BODY = "body";
    public static final String F_META = "meta";
    /**
     * Which acts have a word: the terms of the title, body and metadata in one field, documents
     * only. A search finds its matches here (one postings list per lemma instead of one per field)
     * and scores only the matches that reach the collector with the per-field query (see
     * {@link MatchThenScore}); indexes before {@link DocAnalyzer#VERSION} 4 lack it.
     */
    static final String F_MATCH = "match";
    /** Filters only (exact values, not facets): lower-cased tags, convocation and session numbers. */
    public static final String F_TAG = "tag";
    public static final String F_CONVOCATION = "convocation";
    public static final String F_SESSION = "session";
    public static final String F_ISSUING_BODY = "issuingBody";
    public static final String F_STATUS = "status";
    /** Everything a hit shows, as one binary doc value (see {@link ActDocuments}). */
    static final String F_HIT = "hit";
    /** Facet dimensions, as named in {@link ua.hromada.docsearch.api.SearchResult#facets()}. */
    public static final List<String> FACETS = List.of(F_KIND, F_ISSUING_BODY, F_STATUS, F_YEAR);

    private static final String GEN_PREFIX = "gen-";
    private static final int BATCH_COMMIT_EVERY = 200;
    /** How many of the best hits the phrase boosts reorder. */
    private static final int RESCORE_WINDOW = 100;
    /** The body's text for the snippets, UTF-16 as a doc value (see {@link BodyChars}); version 5 on. */
    static final String F_BODY_CHARS = "body_chars";
    /** The body's text as UTF-8, in indexes of versions before 5 (the whole body decoded per snippet). */
    static final String F_BODY_TEXT = "body_text";

    private final Path root;
    private final Analyzer analyzer = new DocAnalyzer();
    private final ActQueries queries = new ActQueries(analyzer);
    private final Snippets snippets = new Snippets();
    private static final String ANALYSIS_KEY = "hromada.analysis";
    private final ActDocuments documents = new ActDocuments();
    /** Read: searches and changes (IndexWriter is thread-safe). Write: swapping generations. */
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final Object rebuildLock = new Object();
    private volatile Set<Long> touchedDuringRebuild;
    private Generation live;
    /** A change could not be written (e.g. the disk was full): the live index may miss it, rebuild. */
    private volatile boolean writeFailed;
    private final FacetCounting facetCounting = new FacetCounting(FACETS);
    /** Changes of the current thread's {@link #batch} not committed yet (absent: not in a batch). */
    private final ThreadLocal<int[]> batch = new ThreadLocal<>();

    /** {@code analysis}: the {@link DocAnalyzer#VERSION} its terms were made with (null: before versions). */
    private record Generation(Path path, Directory directory, IndexWriter writer, SearcherManager searchers,
            String analysis) {
        void close() throws IOException {
            try {
                searchers.close();
                writer.close();
            } finally {
                directory.close();
            }
        }
    }

    public ActIndex(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
            Path current = newestComplete().orElse(null);
            if (current == null) {
                current = root.resolve(GEN_PREFIX + String.format("%013d", System.currentTimeMillis()));
            }
            live = open(current, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            live.writer().commit();
            deleteOtherGenerations(current);
            LOG.info("Document index at {} ({} documents)", current, docCount());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the document index at " + root, e);
        }
    }

    /** False when the index was built with an older analysis: its terms miss today's, rebuild it. */
    public boolean analysisCurrent() {
        swap.readLock().lock();
        try {
            return DocAnalyzer.VERSION.equals(live.analysis());
        } finally {
            swap.readLock().unlock();
        }
    }

    /**
     * True when the live index cannot be used any more: its folder was deleted while the portal
     * ran (searches still read the open files, nothing new can be written) or its writer stopped
     * after a failed write (e.g. the disk was full). The database is the truth: rebuild it.
     */
    public boolean lost() {
        swap.readLock().lock();
        try {
            return live != null && (writeFailed || !Files.isDirectory(live.path()) || !live.writer().isOpen());
        } finally {
            swap.readLock().unlock();
        }
    }

    public int docCount() {
        return withSearcher(IndexSearcher::getIndexReader).numDocs();
    }

    /** Adds or replaces one act and makes it searchable. */
    public void upsert(IndexedAct act) {
        changed(act.id(), w -> w.updateDocument(new Term(F_ID, Long.toString(act.id())), documents.document(act)));
    }

    public void delete(long id) {
        changed(id, w -> w.deleteDocuments(new Term(F_ID, Long.toString(id))));
    }

    private interface WriterOp {
        void apply(IndexWriter writer) throws IOException;
    }

    private void changed(long id, WriterOp op) {
        swap.readLock().lock();
        try {
            Set<Long> touched = touchedDuringRebuild;
            if (touched != null) {
                touched.add(id);
            }
            withBundleLoader(() -> {
                op.apply(live.writer());
                int[] pending = batch.get();
                if (pending != null && ++pending[0] < BATCH_COMMIT_EVERY) {
                    return null;
                }
                if (pending != null) {
                    pending[0] = 0;
                }
                live.writer().commit();
                live.searchers().maybeRefreshBlocking();
                return null;
            });
        } catch (UncheckedIOException | org.apache.lucene.store.AlreadyClosedException e) {
            writeFailed = true;
            throw e;
        } finally {
            swap.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} with this thread's changes committed every {@value #BATCH_COMMIT_EVERY}
     * changes and once at the end (also when it throws) instead of after each: a commit writes and
     * syncs files, which made an import of many rows slow.
     */
    public <T> T batch(java.util.function.Supplier<T> work) {
        if (batch.get() != null) {
            return work.get();
        }
        int[] pending = {0};
        batch.set(pending);
        try {
            return work.get();
        } finally {
            batch.remove();
            if (pending[0] > 0) {
                swap.readLock().lock();
                try {
                    withBundleLoader(() -> {
                        live.writer().commit();
                        live.searchers().maybeRefreshBlocking();
                        return null;
                    });
                } finally {
                    swap.readLock().unlock();
                }
            }
        }
    }

    /** A source of all acts for a rebuild: streams them into the sink until it returns false. */
    public interface ActSource {
        void forEach(java.util.function.Predicate<IndexedAct> sink);
    }

    /**
     * Rebuilds the index from {@code source} into a new generation and swaps it in. Returns the
     * number of acts indexed, or -1 when cancelled (the old index stays). Only one rebuild at a time.
     *
     * @param reload reads one act again (empty when deleted) for changes made during the rebuild
     */
    public long rebuild(ActSource source, long total, Function<Long, Optional<IndexedAct>> reload, JobProgress progress) {
        synchronized (rebuildLock) {
            Path path = root.resolve(GEN_PREFIX + String.format("%013d", Math.max(System.currentTimeMillis(),
                    generationNumber(live.path()) + 1)));
            touchedDuringRebuild = ConcurrentHashMap.newKeySet();
            Generation fresh = null;
            boolean swapped = false;
            try {
                // the root too: a rebuild after the index folder was deleted while the portal ran
                fresh = withBundleLoader(() -> {
                    Files.createDirectories(path);
                    return open(path, IndexWriterConfig.OpenMode.CREATE);
                });
                IndexWriter writer = fresh.writer();
                long[] done = {0};
                boolean[] cancelled = {false};
                progress.update(0, total);
                source.forEach(act -> {
                    if (progress.cancelled()) {
                        cancelled[0] = true;
                        return false;
                    }
                    withBundleLoader(() -> {
                        writer.addDocument(documents.document(act));
                        return null;
                    });
                    done[0]++;
                    if (done[0] % 100 == 0 || done[0] == total) {
                        progress.update(done[0], Math.max(total, done[0]));
                    }
                    return true;
                });
                if (cancelled[0]) {
                    LOG.info("Reindex cancelled after {} of {} acts; the previous index stays", done[0], total);
                    return -1;
                }
                // the rebuilt index is read far more than written: one segment makes every term
                // lookup and facet count (no global ordinal map) cheaper. Merged before the swap
                // lock, so searches go on meanwhile; changes replayed below add a small segment.
                withBundleLoader(() -> {
                    writer.forceMerge(1);
                    return null;
                });
                Generation old;
                swap.writeLock().lock();
                try {
                    // changes made meanwhile went to the live index; bring them into the new one
                    for (Long id : touchedDuringRebuild) {
                        Optional<IndexedAct> act = reload.apply(id);
                        withBundleLoader(() -> {
                            Term term = new Term(F_ID, Long.toString(id));
                            if (act.isPresent()) {
                                writer.updateDocument(term, documents.document(act.get()));
                            } else {
                                writer.deleteDocuments(term);
                            }
                            return null;
                        });
                    }
                    Generation ready = fresh;
                    withBundleLoader(() -> {
                        writer.commit();
                        ready.searchers().maybeRefreshBlocking();
                        return null;
                    });
                    old = live;
                    live = fresh;
                    writeFailed = false;
                    touchedDuringRebuild = null;
                    swapped = true;
                } finally {
                    swap.writeLock().unlock();
                }
                closeQuietly(old);
                deleteOtherGenerations(path);
                progress.update(done[0], Math.max(total, done[0]));
                LOG.info("Reindexed {} acts into {}", done[0], path);
                return done[0];
            } finally {
                touchedDuringRebuild = null;
                if (!swapped && fresh != null) {
                    closeQuietly(fresh);
                    deleteTree(path);
                }
            }
        }
    }

    // ---------------------------------------------------------------- search

    public IndexHit.Page search(SearchQuery q) {
        swap.readLock().lock();
        try {
            return withBundleLoader(() -> {
                SearcherManager manager = live.searchers();
                IndexSearcher searcher = manager.acquire();
                try {
                    return search(searcher, q, live.analysis());
                } finally {
                    manager.release(searcher);
                }
            });
        } finally {
            swap.readLock().unlock();
        }
    }

    /** {@code analysis}: the {@link DocAnalyzer#VERSION} the searched index was built with. */
    private IndexHit.Page search(IndexSearcher searcher, SearchQuery q, String analysis) throws IOException {
        int offset = Math.max(0, Math.min(q.offset(), SearchQuery.MAX_OFFSET));
        int limit = Math.max(1, Math.min(q.limit() <= 0 ? SearchQuery.DEFAULT_LIMIT : q.limit(), SearchQuery.MAX_LIMIT));
        SearchQuery.Sort order = q.sort() == null ? SearchQuery.Sort.RELEVANCE : q.sort();
        ActQueries.Filters filters = ActQueries.filters(q);
        SearchQuery dated = TypedDates.narrow(q);
        boolean onlyDates = dated != q && isBlank(dated.text());
        if (!isBlank(q.text()) && !onlyDates) {
            Optional<ActNumbers.NumberQuery> number = ActNumbers.parseQuery(q.text());
            IndexHit.Page page = number.isEmpty() ? null
                    : NumberSearch.search(searcher, number.get(), filters, order, offset, limit);
            if (page != null) {
                return page;
            }
            // «рішення № 790 від 26.04.2024 про …»: the act of that number, when there is one
            Optional<ActNumbers.NumberQuery> inPhrase = ActNumbers.findInPhrase(q.text());
            page = inPhrase.isEmpty() ? null : NumberSearch.search(searcher, inPhrase.get(), filters, order, offset, limit);
            if (page != null && page.total() > 0) {
                return page;
            }
        }
        // dates typed in the box («квітень 2024», «від 26.04.2024») narrow the range; the rest are words
        if (dated != q) {
            q = dated;
            filters = ActQueries.filters(q);
        }
        ActQueries.TextQuery text = queries.textQuery(searcher, q.text(), hasMatchField(analysis));
        Query query = ActQueries.candidates(text.match(), filters);

        if (order == SearchQuery.Sort.RELEVANCE && isBlank(q.text())) {
            order = SearchQuery.Sort.DATE_DESC;
        }
        int n = offset + limit;
        // one pass over the matches: the page, the exact total and the drill-sideways facet counts
        // (they need every match anyway)
        TopDocsCollector<?> collector = order == SearchQuery.Sort.RELEVANCE
                ? TopScoreDocCollector.create(Math.max(n, RESCORE_WINDOW), null, Integer.MAX_VALUE)
                : TopFieldCollector.create(new Sort(new SortField(F_DATE_SORT, SortField.Type.LONG,
                        order == SearchQuery.Sort.DATE_DESC), new SortField(F_ID_NUM, SortField.Type.LONG,
                        order == SearchQuery.Sort.DATE_DESC)), n, null, Integer.MAX_VALUE);
        FacetCounting.Pass pass = facetCounting.pass(collector, filters.values());
        searcher.search(query, pass);
        TopDocs top = collector.topDocs();
        if (order == SearchQuery.Sort.RELEVANCE) {
            if (text.proximity() != null && top.scoreDocs.length > 0) {
                // the phrase boosts (words near each other) only reorder the best hits: scoring
                // positions for every match was a large part of the search time
                top = PhraseRescore.rescore(searcher, top, text.proximity(), top.scoreDocs.length);
            }
            if (top.scoreDocs.length > n) {
                top = new TopDocs(top.totalHits, java.util.Arrays.copyOf(top.scoreDocs, n));
            }
        } else {
            TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
        }
        long total = pass.total();
        Map<String, Map<String, Long>> facets = pass.counts();

        ScoreDoc[] page = top.scoreDocs.length <= offset ? new ScoreDoc[0]
                : java.util.Arrays.copyOfRange(top.scoreDocs, offset, top.scoreDocs.length);
        Map<Integer, String> snippets = this.snippets.snippets(searcher, text, page);
        IndexHit[] hits = new IndexHit[page.length];
        Integer[] byDoc = new Integer[page.length];
        for (int i = 0; i < page.length; i++) {
            byDoc[i] = i;
        }
        java.util.Arrays.sort(byDoc, Comparator.comparingInt(i -> page[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        BinaryDocValues hitValues = null;
        int leafIndex = -1;
        for (int i : byDoc) {
            ScoreDoc sd = page[i];
            int leaf = ReaderUtil.subIndex(sd.doc, leaves);
            LeafReaderContext ctx = leaves.get(leaf);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                hitValues = ctx.reader().getBinaryDocValues(F_HIT);
            }
            hits[i] = ActDocuments.hitAt(ctx, hitValues, sd.doc - ctx.docBase, Float.isNaN(sd.score) ? 0f : sd.score,
                    snippets.get(sd.doc));
        }
        return new IndexHit.Page(total, List.of(hits), facets);
    }

    /** Indexes built before analysis version 4 have no {@link #F_MATCH} field (until rebuilt). */
    private static boolean hasMatchField(String analysis) {
        try {
            return analysis != null && Integer.parseInt(analysis) >= 4;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- plumbing

    private Generation open(Path path, IndexWriterConfig.OpenMode mode) throws IOException {
        Directory dir = FSDirectory.open(path);
        try {
            boolean existing = mode != IndexWriterConfig.OpenMode.CREATE && DirectoryReader.indexExists(dir);
            String analysis = existing ? SegmentInfos.readLatestCommit(dir).getUserData().get(ANALYSIS_KEY)
                    : DocAnalyzer.VERSION;
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(dir, config);
            if (!existing) {
                // later commits keep it; an existing index keeps the version it was built with
                writer.setLiveCommitData(Map.of(ANALYSIS_KEY, DocAnalyzer.VERSION).entrySet());
            }
            return new Generation(path, dir, writer, new SearcherManager(writer, null), analysis);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    private <T> T withSearcher(Function<IndexSearcher, T> f) {
        swap.readLock().lock();
        try {
            return withBundleLoader(() -> {
                IndexSearcher s = live.searchers().acquire();
                try {
                    return f.apply(s);
                } finally {
                    live.searchers().release(s);
                }
            });
        } finally {
            swap.readLock().unlock();
        }
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    /** Lucene's codec/postings SPI and the dictionary are looked up through this bundle's loader. */
    static <T> T withBundleLoader(IoCall<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ActIndex.class.getClassLoader());
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Optional<Path> newestComplete() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path p : dirs.filter(ActIndex::isGeneration).sorted(Comparator.comparingLong(ActIndex::generationNumber)
                    .reversed()).toList()) {
                try (Directory d = FSDirectory.open(p)) {
                    if (DirectoryReader.indexExists(d)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void deleteOtherGenerations(Path keep) {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(ActIndex::isGeneration).filter(p -> !p.equals(keep)).forEach(ActIndex::deleteTree);
        } catch (IOException e) {
            LOG.warn("Could not clean old index generations in {}: {}", root, e.toString());
        }
    }

    static boolean isGeneration(Path p) {
        return Files.isDirectory(p) && p.getFileName().toString().matches(GEN_PREFIX + "\\d+");
    }

    private static long generationNumber(Path p) {
        return Long.parseLong(p.getFileName().toString().substring(GEN_PREFIX.length()));
    }

    static void deleteTree(Path p) {
        try (Stream<Path> files = Files.walk(p)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", f, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", p, e.toString());
        }
    }

    private static void closeQuietly(Generation g) {
        try {
            g.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Closing index {} failed: {}", g.path(), e.toString());
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() {
        swap.writeLock().lock();
        try {
            if (live != null) {
                closeQuietly(live);
                live = null;
            }
            analyzer.close();
        } finally {
            swap.writeLock().unlock();
        }
    }
}
