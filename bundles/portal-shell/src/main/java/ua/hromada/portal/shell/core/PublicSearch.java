package ua.hromada.portal.shell.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.PublicSearchProvider;
import ua.hromada.portal.api.SearchProvider.SearchHit;

/**
 * The public home page's search: asks every public search provider, in their order, and groups
 * the hits by the provider's title key, at most {@code perGroup} a group. A provider that fails is
 * logged and left out; the others are still shown.
 */
public final class PublicSearch {

    /** Hits shown per group: the home page points to the module's own page for more. */
    public static final int HITS_PER_GROUP = 5;
    /** The longest query passed on: anyone types here, and no module needs more words than that. */
    public static final int MAX_QUERY = 200;

    private static final Logger LOG = LoggerFactory.getLogger(PublicSearch.class);

    /** One group of hits under its title key (never empty). */
    public record Group(String titleKey, List<SearchHit> hits) {
    }

    private PublicSearch() {
    }

    /** The groups with hits for the query (none for blank words), in the providers' order. */
    public static List<Group> run(List<PublicSearchProvider> providers, String query, int perGroup, Locale locale) {
        String words = query == null ? "" : query.strip();
        if (words.isEmpty()) {
            return List.of();
        }
        if (words.length() > MAX_QUERY) {
            words = words.substring(0, MAX_QUERY);
        }
        Map<String, List<SearchHit>> groups = new LinkedHashMap<>();
        for (PublicSearchProvider provider : providers) {
            List<SearchHit> hits;
            try {
                hits = provider.search(words, perGroup, locale);
            } catch (RuntimeException e) {
                LOG.error("Public search provider {} failed for '{}'", provider.getClass().getName(), words, e);
                continue;
            }
            if (hits == null || hits.isEmpty()) {
                continue;
            }
            List<SearchHit> group = groups.computeIfAbsent(provider.titleKey(), k -> new ArrayList<>());
            for (SearchHit hit : hits) {
                if (group.size() < perGroup && hit != null) {
                    group.add(hit);
                }
            }
        }
        List<Group> answer = new ArrayList<>();
        groups.forEach((key, hits) -> answer.add(new Group(key, List.copyOf(hits))));
        return List.copyOf(answer);
    }
}
