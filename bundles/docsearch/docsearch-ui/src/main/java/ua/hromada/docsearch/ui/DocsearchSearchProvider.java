package ua.hromada.docsearch.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.ui.view.SearchView;
import ua.hromada.docsearch.ui.view.ViewSupport;
import ua.hromada.portal.api.SearchProvider;

/** Acts in the shell's global search box; a hit opens the act's page. */
@Component(service = SearchProvider.class)
public class DocsearchSearchProvider implements SearchProvider {

    @Reference
    private LegalActSearch search;

    @Override
    public String titleKey() {
        return "docsearch.ui.search.provider";
    }

    @Override
    public String requiredPermission() {
        return DocsearchPermissions.VIEW;
    }

    @Override
    public List<SearchHit> search(String query, int limit, Locale locale) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        SearchQuery q = new SearchQuery(query.trim(), Set.of(), Set.of(), Set.of(), Set.of(), null, null,
                SearchQuery.Sort.RELEVANCE, 0, Math.max(1, Math.min(limit, 50)));
        return search.search(q).hits().stream()
                .map(h -> new SearchHit(h.title(), description(h, locale), SearchView.ACT_ROUTE + h.id()))
                .toList();
    }

    private static String description(ua.hromada.docsearch.api.SearchResult.Hit h, Locale locale) {
        StringBuilder sb = new StringBuilder();
        if (h.kindName() != null) {
            sb.append(ActKind.localName(h.kindCode(), h.kindName(), locale));
        }
        if (h.number() != null && !h.number().isBlank()) {
            sb.append(sb.length() > 0 ? ", " : "").append(h.number());
        }
        if (h.date() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append(ViewSupport.date(h.date()));
        }
        return sb.toString();
    }
}
