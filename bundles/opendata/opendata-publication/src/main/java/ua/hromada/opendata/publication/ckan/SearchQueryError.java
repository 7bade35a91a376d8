package ua.hromada.opendata.publication.ckan;

/**
 * CKAN's SearchQueryError: a query refused before it is run (too long, too deeply nested, too
 * many clauses); CKAN answers it with 400 and {@code "__type": "Search Query Error"}.
 */
public class SearchQueryError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchQueryError(String message) {
        super(message);
    }
}
