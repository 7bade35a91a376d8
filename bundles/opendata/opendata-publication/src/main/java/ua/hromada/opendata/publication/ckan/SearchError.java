package ua.hromada.opendata.publication.ckan;

/** CKAN's SearchError: a query the search cannot run (bad syntax, unknown field); answered with 409. */
public class SearchError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchError(String message) {
        super(message);
    }
}
