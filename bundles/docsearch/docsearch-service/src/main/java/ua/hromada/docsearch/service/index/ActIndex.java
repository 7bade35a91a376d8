package ua.hromada.docsearch.service.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.docsearch.api.LegalActSearch.Progress;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.service.ActNumbers;

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
    public static final String F_ISSUING_BODY = "issuingBody";
    public static final String F_STATUS = "status";
    /** Everything a hit shows, as one binary doc value (see {@link #hitValue}). */
    static final String F_HIT = "hit";
    /** Facet dimensions, as named in {@link ua.hromada.docsearch.api.SearchResult#facets()}. */
    public static final List<String> FACETS = List.of(F_KIND, F_ISSUING_BODY, F_STATUS, F_YEAR);

    private static final String GEN_PREFIX = "gen-";
    private static final float TITLE_BOOST = 4f;
    private static final float META_BOOST = 1.5f;
    private static final float FUZZY_BOOST = 1.5f;
    private static final int MAX_WINDOW = 10_000;
    private static final int BATCH_COMMIT_EVERY = 200;
    /** How many of the best hits the phrase boosts reorder. */
    private static final int RESCORE_WINDOW = 100;
    /** What a hit shows: everything stored but the body (the snippet comes from the highlighter). */
    private static final Set<String> HIT_FIELDS = Set.of(F_ID, F_KIND, F_KIND_NAME, F_NUMBER, F_DATE, F_TITLE,
            F_ISSUING_BODY, F_STATUS);
    private static final FieldType STORED_TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);
    /** The body's text for the snippets, as a doc value (see {@link #highlighter}). */
    static final String F_BODY_TEXT = "body_text";

    static {
        STORED_TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        STORED_TEXT_WITH_OFFSETS.freeze();
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private final Path root;
    private final Analyzer analyzer = new DocAnalyzer();
    private final FacetsConfig facetsConfig = new FacetsConfig();
    /** Read: searches and changes (IndexWriter is thread-safe). Write: swapping generations. */
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final Object rebuildLock = new Object();
    private volatile Set<Long> touchedDuringRebuild;
    private Generation live;
    private final FacetCounting facetCounting = new FacetCounting(FACETS);
    /** Changes of the current thread's {@link #batch} not committed yet (absent: not in a batch). */
    private final ThreadLocal<int[]> batch = new ThreadLocal<>();

    private record Generation(Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {
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

    public int docCount() {
        return withSearcher(IndexSearcher::getIndexReader).numDocs();
    }

    /** Adds or replaces one act and makes it searchable. */
    public void upsert(IndexedAct act) {
        changed(act.id(), w -> w.updateDocument(new Term(F_ID, Long.toString(act.id())), document(act)));
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
    public long rebuild(ActSource source, long total, Function<Long, Optional<IndexedAct>> reload, Progress progress) {
        synchronized (rebuildLock) {
            Path path = root.resolve(GEN_PREFIX + String.format("%013d", Math.max(System.currentTimeMillis(),
                    generationNumber(live.path()) + 1)));
            touchedDuringRebuild = ConcurrentHashMap.newKeySet();
            Generation fresh = null;
            boolean swapped = false;
            try {
                fresh = withBundleLoader(() -> open(path, IndexWriterConfig.OpenMode.CREATE));
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
                        writer.addDocument(document(act));
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
                                writer.updateDocument(term, document(act.get()));
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
                    return search(searcher, q);
                } finally {
                    manager.release(searcher);
                }
            });
        } finally {
            swap.readLock().unlock();
        }
    }

    private IndexHit.Page search(IndexSearcher searcher, SearchQuery q) throws IOException {
        int offset = Math.max(0, Math.min(q.offset(), MAX_WINDOW));
        int limit = Math.max(1, Math.min(q.limit() <= 0 ? 20 : q.limit(), 100));
        SearchQuery.Sort order = q.sort() == null ? SearchQuery.Sort.RELEVANCE : q.sort();
        Filters filters = filters(q);
        Optional<ActNumbers.NumberQuery> number = isBlank(q.text()) ? Optional.empty() : ActNumbers.parseQuery(q.text());
        if (number.isPresent()) {
            IndexHit.Page page = numberSearch(searcher, number.get(), filters, order, offset, limit);
            if (page != null) {
                return page;
            }
        }
        TextQuery text = textQuery(searcher.getIndexReader(), q.text());
        Query query = candidates(text.match(), filters);

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
                top = QueryRescorer.rescore(searcher, top, text.proximity(), 1, top.scoreDocs.length);
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
        Map<Integer, String> snippets = snippets(searcher, text, page);
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
            hits[i] = hitAt(ctx, hitValues, sd.doc - ctx.docBase, Float.isNaN(sd.score) ? 0f : sd.score,
                    snippets.get(sd.doc));
        }
        return new IndexHit.Page(total, List.of(hits), facets);
    }

    /** One hit; {@code values} is the leaf's hit doc values, read in increasing doc order. */
    private static IndexHit hitAt(LeafReaderContext ctx, BinaryDocValues values, int doc, float score, String snippet)
            throws IOException {
        if (values != null && values.advanceExact(doc)) {
            return hitFrom(values.binaryValue(), score, snippet);
        }
        // written before the hit doc value existed
        Document d = ctx.reader().storedFields().document(doc, HIT_FIELDS);
        return new IndexHit(Long.parseLong(d.get(F_ID)), d.get(F_KIND), d.get(F_KIND_NAME), d.get(F_NUMBER),
                LocalDate.ofEpochDay(d.getField(F_DATE).numericValue().longValue()), d.get(F_TITLE),
                d.get(F_ISSUING_BODY), d.get(F_STATUS), score, snippet);
    }

    /**
     * An exact number ("№ 790", "790 від 26.04.2024") that some act has: only the acts with that
     * number match, and there are few of them, so they are read whole and the filters, the facet
     * counts and the order are worked out on them — no scoring, no pass over the index, no snippet
     * (the hit's number and title are what was asked for). Null when no act has the number and
     * no date was given: then it is searched as words.
     */
    private IndexHit.Page numberSearch(IndexSearcher searcher, ActNumbers.NumberQuery number, Filters filters,
            SearchQuery.Sort order, int offset, int limit) throws IOException {
        // straight from the postings of the number's term: a query, its weight and the query
        // cache cost more here than the lookup itself
        Term term = new Term(F_NUMBER_NORM, number.normalizedNumber());
        List<IndexHit> acts = new ArrayList<>();
        boolean indexed = false;
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            PostingsEnum docs = ctx.reader().postings(term, PostingsEnum.NONE);
            if (docs == null) {
                continue;
            }
            indexed = true;
            Bits live = ctx.reader().getLiveDocs();
            BinaryDocValues values = ctx.reader().getBinaryDocValues(F_HIT);
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                IndexHit act = hitAt(ctx, values, doc, 1f, null);
                if ((number.date() == null || number.date().equals(act.date())) && filters.inRange(act.date())) {
                    acts.add(act);
                }
            }
        }
        if (!indexed && number.date() == null) {
            return null; // no act has this number: it may still be in the texts
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        FACETS.forEach(f -> facets.put(f, new LinkedHashMap<>()));
        List<IndexHit> matching = new ArrayList<>();
        for (IndexHit act : acts) {
            String missed = null;
            int misses = 0;
            for (Map.Entry<String, Set<String>> f : filters.values().entrySet()) {
                if (!f.getValue().contains(facetValue(act, f.getKey()))) {
                    misses++;
                    missed = f.getKey();
                }
            }
            // the same drill-sideways counts as the full search: a miss on one facet only counts there
            if (misses == 0) {
                matching.add(act);
                for (String dim : FACETS) {
                    count(facets.get(dim), facetValue(act, dim));
                }
            } else if (misses == 1) {
                count(facets.get(missed), facetValue(act, missed));
            }
        }
        Comparator<IndexHit> byDate = Comparator.comparing(IndexHit::date).thenComparingLong(IndexHit::id);
        matching.sort(order == SearchQuery.Sort.DATE_ASC ? byDate : byDate.reversed());
        facets.replaceAll((dim, counts) -> byCount(counts));
        List<IndexHit> page = offset >= matching.size() ? List.of()
                : List.copyOf(matching.subList(offset, Math.min(matching.size(), offset + limit)));
        return new IndexHit.Page(matching.size(), page, facets);
    }

    private static String facetValue(IndexHit act, String dim) {
        return switch (dim) {
            case F_KIND -> act.kindCode();
            case F_ISSUING_BODY -> act.issuingBody();
            case F_STATUS -> act.status();
            case F_YEAR -> Integer.toString(act.date().getYear());
            default -> throw new IllegalArgumentException(dim);
        };
    }

    private static void count(Map<String, Long> counts, String value) {
        if (value != null) {
            counts.merge(value, 1L, Long::sum);
        }
    }

    /** Largest count first, then by value: the order the facet counts of the full search come in. */
    private static Map<String, Long> byCount(Map<String, Long> counts) {
        if (counts.size() < 2) {
            return counts; // a number's few acts: mostly one value per facet
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(BY_COUNT);
        Map<String, Long> sorted = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : entries) {
            sorted.put(e.getKey(), e.getValue());
        }
        return sorted;
    }

    private static final Comparator<Map.Entry<String, Long>> BY_COUNT = Map.Entry.<String, Long>comparingByValue()
            .reversed().thenComparing(Map.Entry.comparingByKey());

    /**
     * What a hit shows, as one binary doc value: reading it is a small block of doc values instead
     * of decompressing the stored fields block with the whole body.
     */
    private static BytesRef hitValue(IndexedAct act) throws IOException {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        out.writeVLong(act.id());
        out.writeString(act.kindCode());
        out.writeString(act.kindName());
        out.writeString(act.number());
        out.writeZLong(act.date().toEpochDay());
        out.writeString(act.title());
        out.writeByte((byte) (act.issuingBody() == null ? 0 : 1));
        if (act.issuingBody() != null) {
            out.writeString(act.issuingBody());
        }
        out.writeString(act.status());
        return new BytesRef(out.toArrayCopy());
    }

    private static IndexHit hitFrom(BytesRef value, float score, String snippet) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
        long id = in.readVLong();
        String kind = in.readString();
        String kindName = in.readString();
        String number = in.readString();
        LocalDate date = LocalDate.ofEpochDay(in.readZLong());
        String title = in.readString();
        String issuingBody = in.readByte() == 0 ? null : in.readString();
        String status = in.readString();
        return new IndexHit(id, kind, kindName, number, date, title, issuingBody, status, score, snippet);
    }

    /**
     * @param values the selected values per facet (only facets with a selection)
     * @param range the date range, or null
     */
    private record Filters(Map<String, Set<String>> values, Query range, LocalDate from, LocalDate to) {
        boolean inRange(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }
    }

    private static Filters filters(SearchQuery q) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        selected(values, F_KIND, q.kinds());
        selected(values, F_ISSUING_BODY, q.issuingBodies());
        selected(values, F_STATUS, q.statuses() == null ? null : q.statuses().stream().map(Enum::name).toList());
        selected(values, F_YEAR, q.years() == null ? null : q.years().stream().map(String::valueOf).toList());
        Query range = null;
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay();
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay();
            range = LongPoint.newRangeQuery(F_DATE, from, to);
        }
        return new Filters(values, range, q.from(), q.to());
    }

    private static void selected(Map<String, Set<String>> values, String dim, Collection<String> chosen) {
        if (chosen == null) {
            return;
        }
        Set<String> set = new java.util.TreeSet<>();
        chosen.stream().filter(v -> v != null).forEach(set::add);
        if (!set.isEmpty()) {
            values.put(dim, set);
        }
    }

    /**
     * What the single pass visits: {@code match} within the date range, and — with choices in two
     * or more facets — only documents that have a chosen value in all facets but at most one (the
     * drill-sideways counts need those; see {@link FacetCounting}). With a choice in one facet,
     * every match of the words and range counts in that facet. The conditions are non-scoring
     * FILTER clauses (the query cache keeps the bit sets of those used often).
     */
    private static Query candidates(Query match, Filters filters) {
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(match, Occur.MUST);
        if (filters.range() != null) {
            all.add(filters.range(), Occur.FILTER);
        }
        if (filters.values().size() >= 2) {
            BooleanQuery.Builder allButOne = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(filters.values().size() - 1);
            filters.values().forEach((dim, values) -> {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                values.forEach(v -> any.add(new TermQuery(new Term(dim, v)), Occur.SHOULD));
                allButOne.add(any.build(), Occur.SHOULD);
            });
            all.add(allButOne.build(), Occur.FILTER);
        }
        return all.build();
    }

    /**
     * Words: every word must match (as any of its lemmas) in the title, body or metadata; title
     * matches weigh most, a title word within two edits also matches, and the words together as a
     * phrase add to the score. (Numbers that acts have are looked up by {@link #numberSearch}.)
     *
     * @param match what matches, with the word and title scores
     * @param proximity the phrase boosts, added to the score of the best hits (null: none)
     * @param positions the analysed words (for the snippets)
     * @param fuzzy the typo clauses (title words within one or two edits), whose matched words the
     *        snippets highlight too
     */
    record TextQuery(Query match, Query proximity, List<List<String>> positions, List<FuzzyQuery> fuzzy) {
    }

    /** Words (a number no act has is searched as words: it may be in the text). */
    TextQuery textQuery(IndexReader reader, String text) throws IOException {
        if (isBlank(text)) {
            return new TextQuery(new MatchAllDocsQuery(), null, List.of(), List.of());
        }
        List<List<String>> positions = analyze(F_BODY, text);
        List<FuzzyQuery> fuzzy = new ArrayList<>();
        return new TextQuery(wordsQuery(reader, positions, fuzzy), proximityQuery(positions), positions, fuzzy);
    }

    /** The words together (within two positions) in the title or the body, or null for one word. */
    private static Query proximityQuery(List<List<String>> positions) {
        if (positions.size() < 2) {
            return null;
        }
        MultiPhraseQuery.Builder titlePhrase = new MultiPhraseQuery.Builder().setSlop(2);
        MultiPhraseQuery.Builder bodyPhrase = new MultiPhraseQuery.Builder().setSlop(2);
        int pos = 0;
        for (List<String> lemmas : positions) {
            titlePhrase.add(lemmas.stream().map(l -> new Term(F_TITLE, l)).toArray(Term[]::new), pos);
            bodyPhrase.add(lemmas.stream().map(l -> new Term(F_BODY, l)).toArray(Term[]::new), pos);
            pos++;
        }
        return new BooleanQuery.Builder()
                .add(new BoostQuery(titlePhrase.build(), TITLE_BOOST), Occur.SHOULD)
                .add(bodyPhrase.build(), Occur.SHOULD).build();
    }

    private Query wordsQuery(IndexReader reader, List<List<String>> positions, List<FuzzyQuery> fuzzy)
            throws IOException {
        if (positions.isEmpty()) {
            return new MatchNoDocsQuery("only stop words");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (List<String> lemmas : positions) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String lemma : lemmas) {
                any.add(new BoostQuery(new TermQuery(new Term(F_TITLE, lemma)), TITLE_BOOST), Occur.SHOULD);
                any.add(new TermQuery(new Term(F_BODY, lemma)), Occur.SHOULD);
                any.add(new BoostQuery(new TermQuery(new Term(F_META, lemma)), META_BOOST), Occur.SHOULD);
                int length = lemma.codePointCount(0, lemma.length());
                // a typo: no title has the word as typed. Building the Levenshtein automata costs
                // milliseconds per word, so words that titles do have are matched exactly only
                if (length >= 4 && reader.docFreq(new Term(F_TITLE, lemma)) == 0) {
                    FuzzyQuery typo = new FuzzyQuery(new Term(F_TITLE, lemma), length >= 8 ? 2 : 1, 1);
                    fuzzy.add(typo);
                    any.add(new BoostQuery(typo, FUZZY_BOOST), Occur.SHOULD);
                }
            }
            all.add(any.build(), Occur.MUST);
        }
        return all.build();
    }

    /** The analyzed query: for each word position, its lemmas. */
    List<List<String>> analyze(String field, String text) throws IOException {
        List<List<String>> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new ArrayList<>());
                }
                List<String> current = positions.get(positions.size() - 1);
                String t = term.toString();
                if (!current.contains(t)) {
                    current.add(t);
                }
            }
            ts.end();
        }
        return positions;
    }

    private Map<Integer, String> snippets(IndexSearcher searcher, TextQuery text, ScoreDoc[] page)
            throws IOException {
        Map<Integer, String> result = new java.util.HashMap<>();
        if (page.length == 0 || text.positions().isEmpty()) {
            return result;
        }
        // highlight plain terms only: fuzzy and phrase clauses would make the highlighter
        // re-analyse whole documents. The typo clauses are rewritten here to the index words they
        // matched ("полтавшина" -> "полтавщина"), and those words are highlighted as terms.
        Set<String> words = new java.util.LinkedHashSet<>();
        text.positions().forEach(words::addAll);
        words.addAll(fuzzyMatches(searcher, text.fuzzy()));
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : words) {
            if (clauses < 500) {
                terms.add(new TermQuery(new Term(F_BODY, word)), Occur.SHOULD);
                terms.add(new TermQuery(new Term(F_TITLE, word)), Occur.SHOULD);
                clauses += 2;
            }
        }
        if (clauses == 0) {
            return result;
        }
        Query query = terms.build();
        UnifiedHighlighter highlighter = highlighter(searcher);
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        String[] body = highlighter.highlightFields(new String[] {F_BODY}, query, docs, new int[] {2}).get(F_BODY);
        // the title only where the body has none of the words (they matched in the title or metadata)
        int[] noMark = java.util.Arrays.stream(java.util.stream.IntStream.range(0, docs.length).toArray())
                .filter(i -> body[i] == null || !body[i].contains("<mark>")).toArray();
        String[] title = new String[docs.length];
        if (noMark.length > 0) {
            int[] titleDocs = java.util.Arrays.stream(noMark).map(i -> docs[i]).toArray();
            String[] titles = highlighter.highlightFields(new String[] {F_TITLE}, query, titleDocs, new int[] {1})
                    .get(F_TITLE);
            for (int j = 0; j < noMark.length; j++) {
                title[noMark[j]] = titles[j];
            }
        }
        for (int i = 0; i < docs.length; i++) {
            String s = body[i] != null && body[i].contains("<mark>") ? body[i]
                    : title[i] != null && title[i].contains("<mark>") ? title[i] : body[i];
            if (s != null && !s.isBlank()) {
                result.put(docs[i], oneLine(s));
            }
        }
        return result;
    }

    /** The index words the typo clauses matched (each rewritten against the index, as the search did). */
    private static Set<String> fuzzyMatches(IndexSearcher searcher, List<FuzzyQuery> fuzzy) throws IOException {
        Set<String> matched = new java.util.LinkedHashSet<>();
        for (FuzzyQuery q : fuzzy) {
            Set<Term> terms = new java.util.HashSet<>();
            searcher.rewrite(q).visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
            terms.forEach(t -> matched.add(t.text()));
        }
        return matched;
    }

    /**
     * The snippet on one line: each run of ASCII white space as one space, then stripped — what
     * {@code replaceAll("\\s+", " ").strip()} gave, without a regular expression per hit.
     */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
            if (!space) {
                b.append(ch);
            } else if (!inRun) {
                b.append(' ');
            }
            inRun = space;
        }
        return b.toString().strip();
    }

    /**
     * The highlighter, reading the body from its doc value: the stored fields are compressed in
     * blocks of many documents, and decompressing a block for each hit was the largest part of
     * the snippet time. Indexes written before the doc value existed have the body stored.
     */
    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(500_000)
                .withHandleMultiTermQuery(false)
                .withHighlightPhrasesStrictly(false)
                .withBreakIterator(SentenceBreaks::new)
                .withScorer(new SnippetOffsets.Scorer());
        return new UnifiedHighlighter(builder) {
            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                return SnippetOffsets.ReusedPostings.applies(source, components)
                        ? new SnippetOffsets.ReusedPostings(components) : super.getOffsetStrategy(source, components);
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheChars)
                    throws IOException {
                if (fields.length != 1 || !F_BODY.equals(fields[0])) {
                    return super.loadFieldValues(fields, docs, cacheChars);
                }
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                List<CharSequence[]> values = new ArrayList<>();
                LeafReaderContext ctx = null;
                BinaryDocValues texts = null;
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (ctx == null || doc >= ctx.docBase + ctx.reader().maxDoc()) {
                        ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
                        texts = ctx.reader().getBinaryDocValues(F_BODY_TEXT);
                    }
                    String text;
                    if (texts != null && texts.advanceExact(doc - ctx.docBase)) {
                        text = texts.binaryValue().utf8ToString();
                    } else {
                        text = ctx.reader().storedFields().document(doc - ctx.docBase, Set.of(F_BODY)).get(F_BODY);
                    }
                    text = text == null ? "" : text;
                    values.add(new CharSequence[] {text.length() > getMaxLength() ? text.substring(0, getMaxLength())
                            : text});
                }
                return values;
            }
        };
    }

    // ---------------------------------------------------------------- documents

    Document document(IndexedAct act) throws IOException {
        Document d = new Document();
        d.add(new StringField(F_ID, Long.toString(act.id()), Field.Store.YES));
        d.add(new NumericDocValuesField(F_ID_NUM, act.id()));
        d.add(new StringField(F_KIND, act.kindCode(), Field.Store.YES));
        d.add(new StoredField(F_KIND_NAME, act.kindName()));
        d.add(new StoredField(F_NUMBER, act.number()));
        d.add(new StringField(F_NUMBER_NORM, act.normalizedNumber(), Field.Store.NO));
        long day = act.date().toEpochDay();
        d.add(new LongPoint(F_DATE, day));
        d.add(new StoredField(F_DATE, day));
        d.add(new NumericDocValuesField(F_DATE_SORT, day));
        String year = Integer.toString(act.date().getYear());
        d.add(new StringField(F_YEAR, year, Field.Store.NO));
        d.add(new Field(F_TITLE, act.title(), STORED_TEXT_WITH_OFFSETS));
        String body = act.body() == null ? "" : act.body();
        d.add(new Field(F_BODY, body, TEXT_WITH_OFFSETS));
        d.add(new BinaryDocValuesField(F_BODY_TEXT, new BytesRef(body)));
        StringBuilder meta = new StringBuilder(act.kindName()).append('\n').append(act.number());
        if (act.issuingBody() != null) {
            d.add(new StringField(F_ISSUING_BODY, act.issuingBody(), Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(F_ISSUING_BODY, act.issuingBody()));
            meta.append('\n').append(act.issuingBody());
        }
        act.tags().forEach(t -> meta.append('\n').append(t));
        d.add(new TextField(F_META, meta.toString(), Field.Store.NO));
        d.add(new StringField(F_STATUS, act.status(), Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(F_KIND, act.kindCode()));
        d.add(new SortedSetDocValuesFacetField(F_STATUS, act.status()));
        d.add(new SortedSetDocValuesFacetField(F_YEAR, year));
        d.add(new BinaryDocValuesField(F_HIT, hitValue(act)));
        return facetsConfig.build(d);
    }

    // ---------------------------------------------------------------- plumbing

    private Generation open(Path path, IndexWriterConfig.OpenMode mode) throws IOException {
        Directory dir = FSDirectory.open(path);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(dir, config);
            return new Generation(path, dir, writer, new SearcherManager(writer, null));
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

    private static boolean isGeneration(Path p) {
        return Files.isDirectory(p) && p.getFileName().toString().matches(GEN_PREFIX + "\\d+");
    }

    private static long generationNumber(Path p) {
        return Long.parseLong(p.getFileName().toString().substring(GEN_PREFIX.length()));
    }

    private static void deleteTree(Path p) {
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
