package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.SearchView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code docs}: employees' document search. */
@Component(service = ViewContribution.class)
public class SearchContribution extends DocsearchContribution {

    @Reference
    private LegalActSearch search;
    @Reference
    private LegalActRegistry registry;

    @Override
    public String route() {
        return "docs";
    }

    @Override
    public String titleKey() {
        return "docsearch.ui.menu.search";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return SearchView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new SearchView(search, registry.kinds());
    }
}
