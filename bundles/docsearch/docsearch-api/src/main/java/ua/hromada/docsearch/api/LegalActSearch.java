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
     * Rebuilds the whole index from the database; returns the number of acts indexed, -1 when
     * {@link JobProgress#cancelled()} stopped it (the old index stays).
     */
    long reindex(JobProgress progress);
}
