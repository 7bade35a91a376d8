package ua.hromada.portal.api;

import java.util.List;
import java.util.Locale;

/**
 * Contributes results to the search box of the public home page, for anyone without signing in:
 * the public variant of {@link SearchProvider}. A provider answers only what anyone may see
 * (published acts, open datasets, public layers, e-services) and each hit's route opens a page
 * contributed with {@code @PortalView(open = true)}.
 */
public interface PublicSearchProvider {

    /** Resource-bundle key naming the result group (e.g. "Нормативні акти"). */
    String titleKey();

    /** Order of the group among the others, smaller first. */
    default int order() {
        return 100;
    }

    List<SearchProvider.SearchHit> search(String query, int limit, Locale locale);
}
