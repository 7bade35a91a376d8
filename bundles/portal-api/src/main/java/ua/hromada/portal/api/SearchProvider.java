package ua.hromada.portal.api;

import java.util.List;
import java.util.Locale;

/** Contributes results to the shell's global search box. */
public interface SearchProvider {

    /** Resource-bundle key naming the result group (e.g. "Документи"). */
    String titleKey();

    /** Permission needed to see this provider's results; null means any signed-in user. */
    String requiredPermission();

    List<SearchHit> search(String query, int limit, Locale locale);

    /** One result: what to show and the route (with parameters) it opens. */
    record SearchHit(String title, String description, String route) {
    }
}
