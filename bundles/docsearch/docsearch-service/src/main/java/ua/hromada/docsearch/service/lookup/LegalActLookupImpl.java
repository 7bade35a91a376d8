package ua.hromada.docsearch.service.lookup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.api.legal.LegalActSummary;

/**
 * The acts of the registry for other modules' "legal basis" fields: the same search as the
 * documents page (title words, a number, a number with its date), newest first for blank text.
 */
@Component(service = LegalActLookup.class)
public class LegalActLookupImpl implements LegalActLookup {
    /** The residents' page of an act (docsearch-ui PublicActContribution): open to every employee too. */
    static final String PUBLIC_ROUTE = "dokumenty/";

    private final LegalActSearch search;
    private final LegalActRegistry registry;

    @Activate
    public LegalActLookupImpl(@Reference LegalActSearch search, @Reference LegalActRegistry registry) {
        this.search = search;
        this.registry = registry;
    }

    @Override
    public List<LegalActSummary> search(String text, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        String words = text == null ? "" : text.strip();
        SearchQuery.Sort order = words.isEmpty() ? SearchQuery.Sort.DATE_DESC : SearchQuery.Sort.RELEVANCE;
        SearchResult result = search.search(new SearchQuery(words, Set.of(), Set.of(), Set.of(), Set.of(), null, null,
                order, 0, size));
        return result.hits().stream()
                .map(h -> summary(h.id(), h.kindName(), h.number(), h.date(), h.title()))
                .toList();
    }

    @Override
    public Optional<LegalActSummary> find(long id) {
        return registry.find(id).map(LegalActLookupImpl::summary);
    }

    private static LegalActSummary summary(LegalAct act) {
        return summary(act.id(), act.kind() == null ? null : act.kind().name(), act.number(), act.date(), act.title());
    }

    private static LegalActSummary summary(long id, String kind, String number, LocalDate date, String title) {
        String n = number == null ? "" : number.strip();
        if (n.startsWith("№")) {
            n = n.substring(1).strip();
        }
        return new LegalActSummary(id, kind, n, date, title, PUBLIC_ROUTE + id);
    }
}
