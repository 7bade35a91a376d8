package ua.hromada.docsearch.service.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocsCollector;

/**
 * The facet counts of a search, drill sideways, in the same single pass that collects the page.
 *
 * <p>Each facet (kind, issuing body, status, year) has at most one value per act, so a segment's
 * values are kept as one small array per facet (value number by document), read once from the
 * facet doc values when the segment is first searched. The pass visits every document that matches
 * the words and the date range and misses at most one facet selection: one that misses none is a
 * hit (it goes to the page and counts in every facet), one that misses exactly one selection counts
 * in that facet only — what choosing that facet's other values would add. Before, each facet with a
 * selection cost one more pass over the words, and each pass counted all four facets through the
 * sorted-set doc values.
 */
final class FacetCounting {
    private final List<String> dims;
    /** Per segment core (deletions do not change the values), dropped when the segment closes. */
    private final Map<IndexReader.CacheKey, SegmentValues> segments = new ConcurrentHashMap<>();

    FacetCounting(List<String> dims) {
        this.dims = List.copyOf(dims);
    }

    /**
     * A segment's facet values: {@code values[doc * facets + dim]} indexes {@code labels[dim]}, -1
     * for none. A document's values lie side by side: the pass reads them all for each match.
     */
    private record SegmentValues(int[] values, String[][] labels) {
    }

    private SegmentValues values(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return read(reader);
        }
        SegmentValues cached = segments.get(helper.getKey());
        if (cached == null) {
            cached = read(reader);
            if (segments.putIfAbsent(helper.getKey(), cached) == null) {
                helper.addClosedListener(segments::remove);
            }
        }
        return cached;
    }

    private SegmentValues read(LeafReader reader) throws IOException {
        int maxDoc = reader.maxDoc();
        int n = dims.size();
        int[] values = new int[maxDoc * n];
        Arrays.fill(values, -1);
        SortedSetDocValues dv = DocValues.getSortedSet(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        long count = dv.getValueCount();
        // ordinal -> (facet, value number): ordinals are sorted by "dim\u001fvalue", so each facet's
        // values come in label order
        int[] ordDim = new int[(int) count];
        int[] ordValue = new int[(int) count];
        List<List<String>> labels = new ArrayList<>();
        dims.forEach(d -> labels.add(new ArrayList<>()));
        for (int ord = 0; ord < count; ord++) {
            String[] path = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString());
            int dim = path.length == 2 ? dims.indexOf(path[0]) : -1;
            ordDim[ord] = dim;
            if (dim >= 0) {
                ordValue[ord] = labels.get(dim).size();
                labels.get(dim).add(path[1]);
            }
        }
        for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
            for (int i = 0, docOrds = dv.docValueCount(); i < docOrds; i++) {
                int ord = (int) dv.nextOrd();
                if (ordDim[ord] >= 0) {
                    values[doc * n + ordDim[ord]] = ordValue[ord];
                }
            }
        }
        String[][] labelArrays = new String[dims.size()][];
        for (int d = 0; d < dims.size(); d++) {
            labelArrays[d] = labels.get(d).toArray(String[]::new);
        }
        return new SegmentValues(values, labelArrays);
    }

    /**
     * A collector for one search: documents without a miss go to {@code page}, and the counts
     * follow the rule above. {@code selections} has the chosen values of the facets with a choice.
     */
    Pass pass(TopDocsCollector<?> page, Map<String, Set<String>> selections) {
        return new Pass(page, selections);
    }

    final class Pass implements Collector {
        private final TopDocsCollector<?> page;
        private final Set<String>[] selected;
        private final List<SegmentCounts> perSegment = new ArrayList<>();
        private long total;

        private record SegmentCounts(String[][] labels, int[][] counts) {
        }

        @SuppressWarnings("unchecked")
        private Pass(TopDocsCollector<?> page, Map<String, Set<String>> selections) {
            this.page = page;
            this.selected = new Set[dims.size()];
            selections.forEach((dim, values) -> {
                int d = dims.indexOf(dim);
                if (d < 0) {
                    throw new IllegalArgumentException("not a facet: " + dim);
                }
                selected[d] = values;
            });
        }

        @Override
        public ScoreMode scoreMode() {
            return page.scoreMode();
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector hits = page.getLeafCollector(context);
            SegmentValues sv = values(context.reader());
            int[] values = sv.values();
            int n = dims.size();
            int[][] counts = new int[n][];
            // per facet with a choice: which of this segment's values are chosen
            boolean[][] chosen = new boolean[n][];
            for (int d = 0; d < n; d++) {
                counts[d] = new int[sv.labels()[d].length];
                if (selected[d] != null) {
                    chosen[d] = new boolean[sv.labels()[d].length];
                    for (int v = 0; v < chosen[d].length; v++) {
                        chosen[d][v] = selected[d].contains(sv.labels()[d][v]);
                    }
                }
            }
            perSegment.add(new SegmentCounts(sv.labels(), counts));
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    hits.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    int base = doc * n;
                    int missed = -1;
                    for (int d = 0; d < n; d++) {
                        if (chosen[d] != null) {
                            int v = values[base + d];
                            if (v < 0 || !chosen[d][v]) {
                                if (missed >= 0) {
                                    return; // two misses: counts nowhere
                                }
                                missed = d;
                            }
                        }
                    }
                    if (missed < 0) {
                        total++;
                        hits.collect(doc);
                        for (int d = 0; d < n; d++) {
                            int v = values[base + d];
                            if (v >= 0) {
                                counts[d][v]++;
                            }
                        }
                    } else {
                        int v = values[base + missed];
                        if (v >= 0) {
                            counts[missed][v]++;
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    hits.finish();
                }
            };
        }

        /** Documents without a miss. */
        long total() {
            return total;
        }

        /**
         * Per facet, its values with a count, largest count first and then by value (the order of
         * Lucene's facet counts, which this replaces).
         */
        Map<String, Map<String, Long>> counts() {
            Map<String, Map<String, Long>> result = new LinkedHashMap<>();
            for (int d = 0; d < dims.size(); d++) {
                Map<String, Long> byLabel = new HashMap<>();
                for (SegmentCounts sc : perSegment) {
                    for (int v = 0; v < sc.counts()[d].length; v++) {
                        if (sc.counts()[d][v] > 0) {
                            byLabel.merge(sc.labels()[d][v], (long) sc.counts()[d][v], Long::sum);
                        }
                    }
                }
                Map<String, Long> sorted = new LinkedHashMap<>();
                byLabel.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(MAX_VALUES)
                        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
                result.put(dims.get(d), sorted);
            }
            return result;
        }
    }

    /** Values shown per facet (as many as the facet counts gave before). */
    static final int MAX_VALUES = 200;
}
