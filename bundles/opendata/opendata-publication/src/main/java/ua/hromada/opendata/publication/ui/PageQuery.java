package ua.hromada.opendata.publication.ui;

import java.util.ArrayList;
import java.util.List;

import ua.hromada.opendata.publication.Snapshot;
import ua.hromada.opendata.publication.ckan.PackageSearch;
import ua.hromada.opendata.publication.ckan.SearchError;
import ua.hromada.opendata.publication.ckan.SearchQueryError;
import ua.hromada.opendata.publication.ckan.SolrQuery;

/**
 * The public page's filters as a {@link PackageSearch} query, so the page finds exactly what the
 * CKAN API finds: words, a data manager, a tag, a format, or one dataset by identifier; a page of
 * {@link #PAGE_SIZE}; value counts of the three filters for their choices.
 */
public record PageQuery(String text, String organization, String tag, String format, String dataset, int page) {

    public static final int PAGE_SIZE = 20;

    public static PageQuery all() {
        return new PageQuery(null, null, null, null, null, 0);
    }

    public PageQuery withPage(int p) {
        return new PageQuery(text, organization, tag, format, dataset, Math.max(0, p));
    }

    public PackageSearch.Result run(Snapshot s) {
        List<String> fq = new ArrayList<>();
        filter(fq, "organization", organization);
        filter(fq, "tags", tag);
        filter(fq, "res_format", format);
        filter(fq, "name", dataset);
        boolean words = text != null && !text.isBlank();
        return PackageSearch.run(s, new PackageSearch.Query(words ? text : null, fq,
                words ? "score desc, title_string asc" : "title_string asc", PAGE_SIZE, page * PAGE_SIZE,
                List.of("organization", "tags", "res_format"), -1, 1));
    }

    /**
     * As {@link #run}, the words read as plain words: a person types no Solr syntax, so a query the
     * parser refuses (a stray colon) is run again with the colons as spaces, and words beyond the
     * query limit are left out rather than refused.
     */
    public PackageSearch.Result runAsWords(Snapshot s) {
        try {
            return run(s);
        } catch (SearchError | SearchQueryError e) {
            String words = text == null ? "" : text.replace(':', ' ');
            return new PageQuery(words.substring(0, Math.min(words.length(), SolrQuery.MAX_LENGTH)), organization, tag,
                    format, dataset, page).run(s);
        }
    }

    private static void filter(List<String> fq, String field, String value) {
        if (value != null && !value.isBlank()) {
            fq.add(field + ":\"" + value.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
    }
}
