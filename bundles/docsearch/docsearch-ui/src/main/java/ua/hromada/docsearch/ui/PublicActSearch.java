package ua.hromada.docsearch.ui;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.PublicSearchView;
import ua.hromada.portal.api.PublicSearchProvider;
import ua.hromada.portal.api.SearchProvider.SearchHit;

/**
 * Acts in the public home page's search: the register the residents' page {@code dokumenty}
 * searches (every registered act is published there), a hit opening the act's public page
 * {@code dokumenty/<id>}.
 */
@Component(service = PublicSearchProvider.class)
public class PublicActSearch implements PublicSearchProvider {

    private final LegalActSearch search;

    @Activate
    public PublicActSearch(@Reference LegalActSearch search) {
        this.search = search;
    }

    @Override
    public String titleKey() {
        return "docsearch.ui.menu.public";
    }

    @Override
    public int order() {
        return DocsearchPages.PUBLIC_ORDER;
    }

    @Override
    public List<SearchHit> search(String query, int limit, Locale locale) {
        return ActHits.find(search, query, limit, locale, PublicSearchView.ACT_ROUTE);
    }
}
