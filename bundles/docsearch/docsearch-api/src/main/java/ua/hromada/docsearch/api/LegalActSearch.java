package ua.hromada.docsearch.api;

/**
 * Full-text and exact search over the acts (Apache Lucene with Ukrainian morphology). The index
 * is derived data: {@link #reindex(Progress)} rebuilds it from PostgreSQL.
 */
@org.osgi.annotation.versioning.ProviderType
public interface LegalActSearch {

    SearchResult search(SearchQuery query);

    /** Rebuilds the whole index from the database; returns the number of acts indexed. */
    long reindex(Progress progress);

    /** Progress of a long job; {@link #cancelled()} is polled between items. */
    interface Progress {
        void update(long done, long total);

        default boolean cancelled() {
            return false;
        }

        Progress NONE = (done, total) -> {
        };
    }
}
