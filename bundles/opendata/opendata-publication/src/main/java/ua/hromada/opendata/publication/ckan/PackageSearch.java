package ua.hromada.opendata.publication.ckan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.opendata.publication.Snapshot;
import ua.hromada.opendata.publication.Snapshot.SortKey;
import ua.hromada.opendata.publication.Text;

/**
 * CKAN's {@code package_search} over a {@link Snapshot}: q (free words with Solr dismax's
 * minimum-match rule "2&lt;-1 5&lt;80%", or Solr syntax when it has a colon), fq filters, sort keys,
 * paging and facet counts. Everything is bit sets over the snapshot's posting lists, so a query
 * costs microseconds and nothing is locked.
 */
public final class PackageSearch {

    public static final String DEFAULT_SORT = "score desc, metadata_modified desc";
    /** Filters (fq and fq_list together) one search may apply. */
    static final int MAX_FILTERS = 100;

    /** One sort key; {@code key} null means the relevance score. */
    record Order(SortKey key, boolean descending) {
    }

    public record FacetCount(String name, String displayName, int count) {
    }

    /**
     * @param indexes dataset indexes of the requested page, in order
     * @param facets  per requested field, its values with counts, most frequent first
     */
    public record Result(int count, int[] indexes, String sort, Map<String, List<FacetCount>> facets) {
    }

    /**
     * @param facetLimit values per facet; negative = all
     */
    public record Query(String q, List<String> fq, String sort, int rows, int start, List<String> facetFields,
            int facetLimit, int facetMinCount) {
    }

    private PackageSearch() {
    }

    public static Result run(Snapshot s, Query query) {
        SolrQuery.requireLength(query.q());
        if (query.fq().size() > MAX_FILTERS) {
            throw new SearchQueryError(query.fq().size() + " filter queries, at most " + MAX_FILTERS + " are accepted");
        }
        int n = s.size();
        BitSet matched = SolrQuery.all(s);
        int[] scores = null;
        String q = query.q() == null ? "" : query.q().strip();
        if (!q.isEmpty() && !q.equals("\"\"") && !q.equals("''")) {
            if (q.indexOf(':') >= 0) {
                matched.and(SolrQuery.parse(q).eval(s));
            } else {
                List<String> words = Text.words(q).stream().distinct().toList();
                if (!words.isEmpty()) {
                    scores = new int[n];
                    matched.and(dismax(s, words, scores));
                }
            }
        }
        for (String fq : query.fq()) {
            if (fq != null && !fq.isBlank()) {
                matched.and(SolrQuery.parse(fq).eval(s));
            }
        }
        String sortText = query.sort() == null || query.sort().isBlank() ? DEFAULT_SORT : query.sort().strip();
        List<Order> orders = orders(sortText);
        int count = matched.cardinality();
        int[] page = page(s, matched, count, scores, orders, query.start(), query.rows());
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String field : query.facetFields()) {
            facets.put(field, facet(s, matched, field, query.facetLimit(), Math.max(query.facetMinCount(), 0)));
        }
        return new Result(count, page, sortText, facets);
    }

    /** Datasets matching enough of the words (all of 1–2, all but one of 3–5, 80% of more), scored. */
    private static BitSet dismax(Snapshot s, List<String> words, int[] scores) {
        int n = s.size();
        int[] hits = new int[n];
        for (String w : words) {
            BitSet text = SolrQuery.prefix(s.postings("text"), w);
            BitSet title = SolrQuery.prefix(s.postings("title"), w);
            for (int d = text.nextSetBit(0); d >= 0; d = text.nextSetBit(d + 1)) {
                hits[d]++;
                scores[d] += title.get(d) ? 3 : 1;
            }
        }
        int k = words.size();
        int required = k <= 2 ? k : k <= 5 ? k - 1 : (int) Math.floor(k * 0.8);
        BitSet b = new BitSet(n);
        for (int d = 0; d < n; d++) {
            if (hits[d] >= required) {
                b.set(d);
            }
        }
        return b;
    }

    static List<Order> orders(String sort) {
        List<Order> out = new ArrayList<>();
        for (String part : sort.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length != 2) {
                throw new SearchError("Can't determine a Sort Order (asc or desc) in sort spec '" + sort + "'");
            }
            boolean desc = switch (words[1].toLowerCase()) {
                case "desc" -> true;
                case "asc" -> false;
                default -> throw new SearchError("Unknown sort order: " + words[1]);
            };
            if (words[0].equals("score")) {
                out.add(new Order(null, desc));
            } else {
                SortKey key = SortKey.of(words[0]).orElseThrow(() -> new SearchError("Can not sort on field: "
                        + words[0] + " (sortable: score, metadata_modified, metadata_created, name, title_string, id)"));
                out.add(new Order(key, desc));
            }
        }
        return out;
    }

    private static int[] page(Snapshot s, BitSet matched, int count, int[] scores, List<Order> orders, int start,
            int rows) {
        if (rows <= 0 || start >= count) {
            return new int[0];
        }
        List<Order> keys = new ArrayList<>();
        for (Order o : orders) {
            if (o.key() != null || scores != null) {
                keys.add(o); // without words every score is equal: a score key orders nothing
            }
        }
        // ties end in the newest first, then the name, as a stable order
        keys.add(new Order(SortKey.MODIFIED, true));
        int want = Math.min(count - start, rows);
        int[] out = new int[want];
        if (keys.get(0).key() != null) {
            // the common case: every key's order is total (ties broken by the unique name when the
            // snapshot was built), so walking the first key's precomputed order is the whole sort
            Order first = keys.get(0);
            int[] order = s.order(first.key());
            int seen = 0;
            int filled = 0;
            for (int i = 0; i < order.length && filled < want; i++) {
                int d = order[first.descending() ? order.length - 1 - i : i];
                if (matched.get(d) && seen++ >= start) {
                    out[filled++] = d;
                }
            }
            return out;
        }
        // the first key is the score. After it only the first key with a precomputed order counts
        // (that order is total, so no later key breaks a tie): each match sorts as one primitive
        // long, score then rank. Sorting boxed indexes through a chain of comparators was most of
        // the time of a query with words.
        Order score = keys.get(0);
        Order tie = keys.stream().filter(o -> o.key() != null).findFirst().orElseThrow();
        int[] rank = s.rank(tie.key());
        int[] order = s.order(tie.key());
        int last = order.length - 1;
        long[] sorted = new long[count];
        int i = 0;
        for (int d = matched.nextSetBit(0); d >= 0; d = matched.nextSetBit(d + 1)) {
            long sc = score.descending() ? Integer.MAX_VALUE - (long) scores[d] : scores[d];
            long r = tie.descending() ? last - rank[d] : rank[d];
            sorted[i++] = sc << 32 | r;
        }
        java.util.Arrays.sort(sorted);
        for (int j = 0; j < want; j++) {
            int r = (int) sorted[start + j];
            out[j] = order[tie.descending() ? last - r : r];
        }
        return out;
    }

    private static List<FacetCount> facet(Snapshot s, BitSet matched, String field, int limit, int minCount) {
        Snapshot.Facet facet = s.facet(field);
        if (facet == null) {
            throw new SearchError("undefined field " + field + " (facets: " + String.join(", ", Snapshot.FACET_FIELDS)
                    + ")");
        }
        int[] counts = new int[facet.values().size()];
        int[][] values = facet.datasetValues();
        for (int d = matched.nextSetBit(0); d >= 0; d = matched.nextSetBit(d + 1)) {
            for (int v : values[d]) {
                counts[v]++;
            }
        }
        List<Integer> ids = new ArrayList<>();
        for (int v = 0; v < counts.length; v++) {
            if (counts[v] >= Math.max(minCount, 1)) {
                ids.add(v);
            }
        }
        ids.sort(Comparator.<Integer>comparingInt(v -> counts[v]).reversed()
                .thenComparing(v -> facet.values().get(v)));
        if (limit >= 0 && ids.size() > limit) {
            ids = ids.subList(0, limit);
        }
        List<FacetCount> out = new ArrayList<>(ids.size());
        for (int v : ids) {
            String name = facet.values().get(v);
            String display = field.equals("organization") ? s.organization(name).map(o -> o.title()).orElse(name)
                    : name;
            out.add(new FacetCount(name, display, counts[v]));
        }
        return out;
    }
}
