package ua.hromada.docsearch.api;

import ua.hromada.portal.api.jobs.JobProgress;

/**
 * Full-text and exact search over the acts (Apache Lucene with Ukrainian morphology). The index
 * is derived data: {@link #reindex(JobProgress)} rebuilds it from PostgreSQL.
 */
@org.osgi.annotation.versioning.ProviderType
public interface LegalActSearch {

    SearchResult search(SearchQuery query);

    /**
     * The dates typed in a search text that {@link #search} takes as a date filter, as typed
     * («26.04.2024», «квітень 2024»; without «від», «у»), so a page can say so; empty when none.
     *
     * @since 2.2
     */
    default java.util.List<String> typedDates(String text) {
        return java.util.List.of();
    }

    /**
     * Rebuilds the whole index from the database; returns the number of acts indexed, -1 when
     * {@link JobProgress#cancelled()} stopped it (the old index stays).
     */
    long reindex(JobProgress progress);
}
