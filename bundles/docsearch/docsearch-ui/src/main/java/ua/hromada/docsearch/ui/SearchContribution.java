package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.SearchView;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code docs}: employees' document search. */
@Component(service = ViewContribution.class)
@PortalView(route = "docs", title = "docsearch.ui.menu.search", section = DocsearchPages.SECTION,
        icon = DocsearchPages.ICON, order = 10, permission = DocsearchPermissions.VIEW, view = SearchView.class)
public class SearchContribution implements ViewContribution {

    @Reference
    private LegalActSearch search;
    @Reference
    private LegalActRegistry registry;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new SearchView(search, registry.kinds());
    }
}
