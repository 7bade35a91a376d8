package ua.hromada.docsearch.ui;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.SearchView;
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
        return ActHits.find(search, query, limit, locale, SearchView.ACT_ROUTE);
    }
}
